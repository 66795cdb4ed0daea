// The files `vtex link` and `vtex publish` upload, found by the toolbelt's own rule
// (vtex/toolbelt, src/api/modules/apps/file.ts, `listLocalFiles`): these patterns, following
// symbolic links (so node/domain and react/domain go up as plain files), without dot files
// elsewhere, minus the toolbelt's default ignores and every non-empty line of .vtexignore
// (a trailing `/` meaning the whole folder; `#` lines are patterns too, not comments), and
// without empty files.
import fg from 'fast-glob'
import { existsSync, readFileSync, statSync } from 'fs'
import path from 'path'

const UPLOADED = ['manifest.json', 'policies.json', '.npmrc', 'node/.*', 'react/.*', '*/**']

const DEFAULT_IGNORED = [
  '.DS_Store',
  'README.md',
  '.gitignore',
  'package.json',
  'node_modules/**',
  '**/node_modules/**',
  '.git/**',
  'cypress/videos/**',
  'cypress/screenshots/**',
]

/** The toolbelt's upload limit for a whole project (its MB is 1,000,000 bytes). */
export const PROJECT_SIZE_LIMIT = 90 * 1000 * 1000

export interface UploadedFile {
  path: string
  size: number
}

export function ignorePatterns(root: string): string[] {
  const file = path.join(root, '.vtexignore')
  const lines = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .map(line => line.trim())
        .filter(line => line !== '')
        .map(line => line.replace(/\/$/, '/**'))
    : []
  return [...lines, ...DEFAULT_IGNORED]
}

export function listUploadedFiles(root: string): UploadedFile[] {
  return fg
    .sync(UPLOADED, { cwd: root, followSymbolicLinks: true, onlyFiles: true, dot: false, ignore: ignorePatterns(root) })
    .map(file => ({ path: file, size: statSync(path.join(root, file)).size }))
    .filter(file => file.size > 0)
    .sort((a, b) => a.path.localeCompare(b.path))
}
