// Compiles node/ (and the domain it links to) the way the IO node builder would, and lays
// the result out for @vtex/api's runtime under `dir`.
import { execFileSync } from 'child_process'
import { join } from 'path'

import { REPO_ROOT } from './environment'
import { writeServiceLayout } from './layout'

export function buildService(dir: string): void {
  const outDir = join(dir, 'build', 'node')
  execFileSync(
    process.execPath,
    // node/'s own TypeScript (the version node/package.json pins for the builder).
    [join(REPO_ROOT, 'node', 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(REPO_ROOT, 'node', 'tsconfig.json'), '--outDir', outDir],
    { stdio: 'inherit' }
  )
  writeServiceLayout(dir, outDir)
}
