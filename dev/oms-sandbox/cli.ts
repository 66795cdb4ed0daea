// Runs the sandbox for the local stack: `tsx dev/oms-sandbox/cli.ts [--port N] [--state-dir DIR] [--reset]`.
// OMS_SANDBOX_FAULTS may hold a JSON FaultConfig. Stops cleanly on SIGINT/SIGTERM
// (state and journal are flushed).
import { resolve } from 'path'
import { startOmsSandbox } from './server'
import type { FaultConfig } from './types'

function parseArgs(argv: string[]): { port: number; stateDir: string; reset: boolean } {
  let port = 8780
  let stateDir = '.local'
  let reset = false
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = () => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${a} needs a value`)
      return v
    }
    if (a === '--port') port = Number(value())
    else if (a.startsWith('--port=')) port = Number(a.slice(7))
    else if (a === '--state-dir') stateDir = value()
    else if (a.startsWith('--state-dir=')) stateDir = a.slice(12)
    else if (a === '--reset') reset = true
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: cli.ts [--port N (8780)] [--state-dir DIR (.local)] [--reset]\nenv OMS_SANDBOX_FAULTS: JSON FaultConfig\n')
      process.exit(0)
    } else throw new Error(`unknown argument ${a}`)
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be an integer 0..65535')
  return { port, stateDir: resolve(process.cwd(), stateDir), reset }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  let faults: FaultConfig | undefined
  if (process.env.OMS_SANDBOX_FAULTS) faults = JSON.parse(process.env.OMS_SANDBOX_FAULTS) as FaultConfig
  const sandbox = await startOmsSandbox({ ...args, faults, quiet: false })
  process.stdout.write(`OMS sandbox ready at ${sandbox.url}\n  use HTTP_PROXY=${sandbox.url} NO_PROXY=localhost,127.0.0.1\n`)
  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    sandbox.close().then(() => process.exit(0), () => process.exit(1))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e: Error) => {
  process.stderr.write(`oms-sandbox: ${e.message}\n`)
  process.exit(1)
})
