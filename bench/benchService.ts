// The bench's Service processes: node/ compiled by tsc the way the IO node builder does
// (dev/io-runtime/build.ts) and run by plain Node, as IO runs it — no TypeScript loader in the
// process, whose memory and CPU would count against the app. One bench-only root field is
// added, `benchFloor` (floorSchema.ts): it calls nothing, under the same @auth and
// @trackingErrors as every real field, and its latency is the runtime floor part (a)
// subtracts. It exists only in the layout built here, never in graphql/ or node/.
import { ChildProcess, spawn } from 'child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'

import { REPO_ROOT, appEnvironment } from '../dev/io-runtime/environment'
import { buildService } from '../dev/io-runtime/build'
import { writeServiceLayout } from '../dev/io-runtime/layout'
import { ServiceProcess, whenListening } from '../dev/io-runtime/serviceProcess'
import { FLOOR_SCHEMA } from './floorSchema'

export type BenchService = ServiceProcess

/** Compiles node/ into a temporary folder laid out for the runtime, with the floor field. */
export function buildBenchService(): string {
  const dir = mkdtempSync(join(tmpdir(), 'order-tracking-bench-service-'))
  buildService(dir)
  // What the runtime loads as the app: the compiled node/ with the floor resolver added.
  const floor = join(dir, 'floor')
  mkdirSync(floor)
  writeFileSync(
    join(floor, 'index.js'),
    `const service = require(${JSON.stringify(join(dir, 'build', 'node', 'index.js'))}).default
const graphql = service.config.graphql
graphql.resolvers = { ...graphql.resolvers, Query: { ...graphql.resolvers.Query, benchFloor: () => true } }
exports.default = service
`
  )
  writeServiceLayout(dir, floor, FLOOR_SCHEMA)
  // One @vtex/api worker on a port the OS picks (as dev/io-runtime/worker.ts, in plain JS).
  writeFileSync(
    join(dir, 'worker.js'),
    `const api = ${JSON.stringify(join(REPO_ROOT, 'node', 'node_modules', '@vtex', 'api', 'lib', 'service'))}
process.chdir(${JSON.stringify(dir)})
// The package first, whole: the app imports from it while the worker module loads the app.
require(${JSON.stringify(join(REPO_ROOT, 'node', 'node_modules', '@vtex', 'api'))})
const { startWorker } = require(api + '/worker')
const { getServiceJSON } = require(api + '/loaders')
const server = startWorker(getServiceJSON()).listen(0, '127.0.0.1')
server.once('listening', () => process.stdout.write('listening ' + server.address().port + '\\n'))
const stop = () => server.close(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
`
  )
  return dir
}

export function startBenchService(dir: string, omsUrl: string, nodeArgs: string[] = []): Promise<BenchService> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, join(dir, 'worker.js')], {
    cwd: dir,
    env: { ...process.env, ...appEnvironment(omsUrl) },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return whenListening(child, 'the bench Service')
}
