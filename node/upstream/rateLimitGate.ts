// OMS's rate limit is per account and unpublished; a 429 tells us we passed it. The gate is
// shared by every call to one account's OMS in this process:
// - after a 429, no call starts before its Retry-After (not only the call that got it);
// - it learns a pace from what OMS admitted in the second before the 429 (a little under it),
//   and from then on spaces call starts to stay within it, so the next windows are used
//   instead of being spent on 429s and waits; without 429s the pace creeps back up.

const WINDOW_MS = 1000
const HEADROOM = 0.95 // keep a little under what was admitted
// This long without a 429: allow a little more. Each probe past the limit costs a 429 and a
// Retry-After pause for every call; at 5 s a 50,000-order rebuild lost 16 % of OMS's rate to
// them (bench --only queue), at 15 s 13 %.
const PROBE_AFTER_MS = 15_000
const PROBE_STEP = 1.05
const MIN_SAMPLE = 10 // fewer admissions than this in the second before a 429 tell no pace

export class RateLimitGate {
  private openAt = 0
  private readonly starts: number[] = []
  private readonly admissions: number[] = []
  /** Call starts per window we allow ourselves; undefined until the first 429. */
  private pace: number | undefined
  private lastChangeAt = 0

  /** How long a call that would start at `nowMs` must wait first (0: go). */
  public waitMs(nowMs: number): number {
    if (nowMs < this.openAt) return this.openAt - nowMs
    if (this.pace === undefined) return 0
    if (nowMs - this.lastChangeAt >= PROBE_AFTER_MS) {
      this.pace = Math.ceil(this.pace * PROBE_STEP)
      this.lastChangeAt = nowMs
    }
    dropOlderThan(this.starts, nowMs - WINDOW_MS)
    if (this.starts.length < this.pace) return 0
    // When enough of the window's starts have left it for one more to fit.
    return this.starts[this.starts.length - this.pace] + WINDOW_MS - nowMs + 1
  }

  /** A call starts now (after waitMs said 0, with nothing awaited in between). */
  public started(nowMs: number): void {
    this.starts.push(nowMs)
  }

  /** The upstream answered (anything but 429): that request counted against its limit. */
  public admitted(nowMs: number): void {
    this.admissions.push(nowMs)
    dropOlderThan(this.admissions, nowMs - WINDOW_MS)
  }

  /** The upstream answered 429. */
  public limited(nowMs: number, retryAfterMs: number): void {
    this.openAt = Math.max(this.openAt, nowMs + retryAfterMs)
    dropOlderThan(this.admissions, nowMs - WINDOW_MS)
    if (this.admissions.length < MIN_SAMPLE) return
    const observed = Math.floor(this.admissions.length * HEADROOM)
    // One observation never more than halves the pace: right after a pause, few of the
    // window's admissions were ours to see.
    this.pace = this.pace === undefined ? observed : Math.max(Math.floor(this.pace / 2), Math.min(this.pace, observed))
    this.lastChangeAt = nowMs
  }

  /** The pace in use, for tests and logs. */
  public get callsPerSecond(): number | undefined {
    return this.pace
  }
}

function dropOlderThan(times: number[], cutoff: number): void {
  let drop = 0
  while (drop < times.length && times[drop] <= cutoff) drop++
  if (drop > 0) times.splice(0, drop)
}
