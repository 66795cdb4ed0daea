// One @vtex/api worker serving node/ in this process, on a port the OS picks: what the tests
// and the benchmark run (startApp in serve.ts is what `npm start` runs). Run directly
// (`tsx dev/io-runtime/worker.ts <omsSandboxUrl>`) it prints `listening <port>` and serves
// until SIGINT or SIGTERM; the race test and the benchmark start it that way to get a
// second, separate Service process.
import { mkdtempSync, rmSync } from 'fs'
import { Server } from 'http'
import { AddressInfo } from 'net'
import { tmpdir } from 'os'
import { join } from 'path'

import { REPO_ROOT, appEnvironment } from './environment'
import { writeServiceLayout } from './layout'

const runtimeModule = (path: string) => require(join(REPO_ROOT, 'node', 'node_modules', '@vtex', 'api', 'lib', path))

export interface ServiceWorker {
  port: number
  close(): Promise<void>
}

/** The node/ sources are loaded by whatever compiles TypeScript on require (ts-jest, tsx). */
export async function startServiceWorker(omsUrl: string): Promise<ServiceWorker> {
  Object.assign(process.env, appEnvironment(omsUrl))
  const dir = mkdtempSync(join(tmpdir(), 'order-tracking-service-'))
  writeServiceLayout(dir, join(REPO_ROOT, 'node'))
  const previousCwd = process.cwd()
  process.chdir(dir) // the runtime resolves the app and its schema from the working directory
  let server: Server
  try {
    // The package first, as IO's startApp() has it loaded: required from inside its own
    // worker module, @vtex/api's index is only half built when the app's code (and
    // @vtex/clients) read it.
    require(join(REPO_ROOT, 'node', 'node_modules', '@vtex', 'api'))
    const { startWorker } = runtimeModule('service/worker')
    const { getServiceJSON } = runtimeModule('service/loaders')
    server = startWorker(getServiceJSON()).listen(0, '127.0.0.1')
    await new Promise(resolve => server.once('listening', resolve))
  } finally {
    process.chdir(previousCwd)
  }
  return {
    port: (server.address() as AddressInfo).port,
    // The layout folder is only read at start; remove it so test runs leave no temp folders.
    close: () =>
      new Promise<void>(resolve => server.close(() => resolve())).then(() => rmSync(dir, { recursive: true, force: true })),
  }
}

if (require.main === module) {
  const omsUrl = process.argv[2]
  if (!omsUrl) {
    console.error('usage: tsx dev/io-runtime/worker.ts <omsSandboxUrl>')
    process.exit(2)
  }
  startServiceWorker(omsUrl).then(worker => {
    process.stdout.write(`listening ${worker.port}\n`)
    const stop = () => worker.close().then(() => process.exit(0))
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}
