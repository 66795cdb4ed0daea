// The bench's Service process: dev/io-runtime/worker.ts with the floor field of
// floorService.ts (`tsx bench/floorWorker.ts <omsSandboxUrl>`, through startServiceProcess).
import { mkdtempSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'

import { serveUntilSignalled, startServiceWorker } from '../dev/io-runtime/worker'
import { FLOOR_SCHEMA } from './floorSchema'

const omsUrl = process.argv[2]
if (!omsUrl) {
  console.error('usage: tsx bench/floorWorker.ts <omsSandboxUrl>')
  process.exit(2)
}
// The runtime loads service/src/node/index: here, a one-line module that re-exports floorService.
const source = mkdtempSync(join(tmpdir(), 'order-tracking-bench-floor-'))
writeFileSync(join(source, 'index.ts'), `export { default } from ${JSON.stringify(join(__dirname, 'floorService'))}\n`)
serveUntilSignalled(startServiceWorker(omsUrl, { nodeSource: source, extraSchema: FLOOR_SCHEMA }))
