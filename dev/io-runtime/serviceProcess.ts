// A Service in a process of its own (worker.ts, loaded through tsx), for the race test and the
// benchmark: two of these against one sandbox are two replicas.
import { ChildProcess, spawn } from 'child_process'
import { join } from 'path'
import { pathToFileURL } from 'url'

import { REPO_ROOT } from './environment'

export interface ServiceProcess {
  baseUrl: string
  pid: number
  stop(): Promise<void>
}

export interface ServiceProcessOptions {
  /** Node flags for the worker, e.g. --cpu-prof (which NODE_OPTIONS does not take). */
  nodeArgs?: string[]
  /** Environment added to this process's own (the app's configuration variables). */
  env?: Record<string, string>
}

export function startServiceProcess(omsUrl: string, options: ServiceProcessOptions = {}): Promise<ServiceProcess> {
  const tsxLoader = pathToFileURL(require.resolve('tsx', { paths: [REPO_ROOT] })).href
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', tsxLoader, join(__dirname, 'worker.ts'), omsUrl],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...options.env } }
  )
  return whenListening(child, 'the service process')
}

/** The Service a child process runs, once it prints `listening <port>` (worker.ts does). */
export function whenListening(child: ChildProcess, name: string): Promise<ServiceProcess> {
  return new Promise((resolve, reject) => {
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening (\d+)/.exec(output)
      if (!match) return
      // The runtime logs every request on stdout: keep draining it so the pipe never fills.
      child.stdout!.off('data', onData).resume()
      resolve({
        baseUrl: `http://127.0.0.1:${match[1]}`,
        pid: child.pid!,
        stop: () =>
          new Promise(done => {
            if (child.exitCode !== null) return done()
            child.once('exit', () => done())
            child.kill('SIGINT')
          }),
      })
    }
    child.stdout!.on('data', onData)
    child.once('exit', code => reject(new Error(`${name} exited (${code}) before listening`)))
  })
}
