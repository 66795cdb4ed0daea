// A Service in a process of its own (worker.ts under tsx), for the race test and the
// benchmark: two of these against one sandbox are two replicas.
import { ChildProcess, spawn } from 'child_process'
import { join } from 'path'

import { REPO_ROOT } from './environment'

export interface ServiceProcess {
  baseUrl: string
  stop(): Promise<void>
}

export function startServiceProcess(omsUrl: string): Promise<ServiceProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(__dirname, 'worker.ts'), omsUrl],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] }
  )
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
        stop: () =>
          new Promise(done => {
            child.once('exit', () => done())
            child.kill('SIGINT')
          }),
      })
    }
    child.stdout!.on('data', onData)
    child.once('exit', code => reject(new Error(`the service process exited (${code}) before listening`)))
  })
}
