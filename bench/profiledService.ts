// The Service as dev/io-runtime/serviceProcess.ts starts it (worker.ts in a process of its
// own), but under `node --cpu-prof`, which NODE_OPTIONS does not allow: for `--profile` only.
// The profile is written when the worker exits (it exits on SIGINT).
import { spawn } from 'child_process'
import { join } from 'path'
import { pathToFileURL } from 'url'

import { REPO_ROOT } from '../dev/io-runtime/environment'
import type { ServiceProcess } from '../dev/io-runtime/serviceProcess'

export function startProfiledServiceProcess(omsUrl: string, profileDir: string): Promise<ServiceProcess> {
  const tsxLoader = pathToFileURL(require.resolve('tsx', { paths: [REPO_ROOT] })).href
  const child = spawn(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--import', tsxLoader, join(REPO_ROOT, 'dev', 'io-runtime', 'worker.ts'), omsUrl],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] }
  )
  return new Promise((resolve, reject) => {
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening (\d+)/.exec(output)
      if (!match) return
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
    child.once('exit', code => reject(new Error(`the profiled service process exited (${code}) before listening`)))
  })
}
