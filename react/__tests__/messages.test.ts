// Every message the page can show must exist in every locale and be described for
// translators; IO would otherwise show the raw id to a merchant.
import { readFileSync, readdirSync, statSync } from 'fs'
import { join } from 'path'

import { TRACKING_STATUSES } from '../domain'
import { statusDescriptionId, statusLabelId } from '../admin/messageIds'

const REPO = join(__dirname, '..', '..')
const LOCALES = ['en', 'pt', 'es']
const ID = /['"`](admin\/order-tracking\.[A-Za-z0-9_.-]+)['"`]/g

const readJson = (file: string): Record<string, string> => JSON.parse(readFileSync(join(REPO, 'messages', file), 'utf8'))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(tsx?|json)$/.test(name) ? [path] : []
  })
}

function idsUsedInCode(): Set<string> {
  const files = [...sourceFiles(join(REPO, 'react', 'admin')), ...sourceFiles(join(REPO, 'react', 'local')), ...sourceFiles(join(REPO, 'admin'))]
  const ids = new Set<string>()
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(ID)) ids.add(match[1])
  }
  // Ids built from the domain's status vocabulary.
  for (const status of TRACKING_STATUSES) {
    ids.add(statusLabelId(status))
    ids.add(statusDescriptionId(status))
  }
  return ids
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)/g)].map(m => m[1]).sort()

const messages = Object.fromEntries(LOCALES.map(locale => [locale, readJson(`${locale}.json`)]))
const context = readJson('context.json')
const allIds = new Set([...Object.values(messages).flatMap(Object.keys), ...Object.keys(context)])

describe('messages', () => {
  it.each(LOCALES)('%s.json has every id used in the code', locale => {
    const missing = [...idsUsedInCode()].filter(id => !(id in messages[locale]))
    expect(missing).toEqual([])
  })

  it.each([...LOCALES, 'context'])('%s.json has every id any other locale has', file => {
    const present = file === 'context' ? context : messages[file]
    expect([...allIds].filter(id => !(id in present))).toEqual([])
  })

  it('has no id the code no longer uses', () => {
    const used = idsUsedInCode()
    expect([...allIds].filter(id => !used.has(id))).toEqual([])
  })

  it.each(LOCALES.filter(l => l !== 'en'))('%s.json keeps the placeholders of en.json, with no empty text', locale => {
    for (const [id, text] of Object.entries(messages[locale])) {
      expect({ id, text: text.trim().length > 0 }).toEqual({ id, text: true })
      expect({ id, placeholders: placeholders(text) }).toEqual({ id, placeholders: placeholders(messages.en[id] ?? '') })
    }
  })
})
