// `npm run check:io`: prints what `vtex link` would upload and fails on what VTEX's builders
// or the Admin would refuse (./checks). Run by `npm test`.
import path from 'path'

import { checkApp, manifestSchemaFile } from './checks'
import { listUploadedFiles } from './uploadList'

const root = path.resolve(__dirname, '..', '..')
const files = listUploadedFiles(root)
const total = files.reduce((sum, f) => sum + f.size, 0)
const width = Math.max(...files.map(f => f.path.length))

console.log(`What \`vtex link\` uploads (${files.length} files, ${(total / 1000).toFixed(1)} kB):`)
for (const file of files) console.log(`  ${file.path.padEnd(width)}  ${String(file.size).padStart(7)} B`)

const problems = checkApp({ root, files }, manifestSchemaFile(root))
if (problems.length > 0) {
  console.error(`\ncheck:io found ${problems.length} problem(s):`)
  for (const problem of problems) console.error(`  - ${problem}`)
  process.exit(1)
}
console.log('\ncheck:io: builders and folders match; manifest, admin routes and navigation, @auth, messages, .vtexignore and the App Store page are valid.')
