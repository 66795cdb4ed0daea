// Request journal: in memory for tests, appended to a JSONL file when persisting.
// It must never hold a credential: tokens are reduced to fingerprints and any
// credential value seen in the request is scrubbed from the entry as a last guard.
import { createHash } from 'crypto'
import { createWriteStream, type WriteStream } from 'fs'
import type { JournalEntry } from './types'

export function fingerprint(token: string): string {
  return 'tok_' + createHash('sha256').update(token).digest('hex').slice(0, 8)
}

export class Journal {
  private entries: JournalEntry[] = []
  private stream: WriteStream | null = null

  /** filePath null = memory only. truncate: start the file empty (--reset). */
  constructor(filePath: string | null, truncate = false) {
    if (filePath) {
      this.stream = createWriteStream(filePath, { flags: truncate ? 'w' : 'a' })
      // A failing disk must not crash the sandbox; the in-memory journal still works.
      this.stream.on('error', (e) => process.stderr.write(`oms-sandbox: journal write failed: ${e.message}\n`))
    }
  }

  /** secrets: raw credential values seen in the request, scrubbed wherever they appear. */
  record(entry: JournalEntry, secrets: string[]): void {
    const live = secrets.filter((x) => x.length >= 3)
    const safe = live.length ? (scrub(entry, live) as JournalEntry) : entry
    this.entries.push(safe)
    this.stream?.write(JSON.stringify(safe) + '\n')
  }

  list(): JournalEntry[] {
    return this.entries.map((e) => ({ ...e }))
  }

  clear(): void {
    this.entries = []
  }

  close(): Promise<void> {
    const s = this.stream
    this.stream = null
    if (!s) return Promise.resolve()
    return new Promise((resolve) => s.end(resolve))
  }
}

/** Replace every secret inside any string (keys included) of a JSON-like value. */
function scrub(v: unknown, secrets: string[]): unknown {
  if (typeof v === 'string') {
    let out = v
    for (const s of secrets) if (out.includes(s)) out = out.split(s).join(fingerprint(s))
    return out
  }
  if (Array.isArray(v)) return v.map((x) => scrub(x, secrets))
  if (v && typeof v === 'object') {
    const o: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) o[scrub(k, secrets) as string] = scrub(x, secrets)
    return o
  }
  return v
}
