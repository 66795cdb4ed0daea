// The whole local path inside one jest worker: the OMS sandbox, and the real @vtex/api
// runtime serving our node/ code (compiled by ts-jest on require) with every outbound call
// going to the sandbox through HTTP_PROXY. Only ports chosen by the OS are used, so test
// files and people can run stacks side by side.
import { OmsSandbox, startOmsSandbox } from '../../dev/oms-sandbox'
import { GraphQLAnswer, GraphQLCall, callGraphQL, graphqlPath } from '../../dev/io-runtime/graphqlClient'
import { installMasterDataSchemas, subscribeServiceToEvents } from '../../dev/io-runtime/platform'
import { startServiceWorker } from '../../dev/io-runtime/worker'

export type { GraphQLAnswer, GraphQLCall }

export interface ServiceStack {
  sandbox: OmsSandbox
  /** Every line the runtime and the app logged since the stack started. */
  logs(): string[]
  graphqlUrl: string
  /** The Service's origin (http://127.0.0.1:port). */
  baseUrl: string
  graphql(call: GraphQLCall): Promise<GraphQLAnswer>
  close(): Promise<void>
}

// The runtime logs to the console (access lines, and each GraphQL error as JSON); the tests
// read those lines instead of printing them.
function captureConsole(): string[] {
  const lines: string[] = []
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(args.map(arg => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '))
    })
  }
  return lines
}

export async function startServiceStack(): Promise<ServiceStack> {
  const logLines = captureConsole()
  const sandbox = await startOmsSandbox({ quiet: true })
  // One replica and a sandbox reset between tests: a settle check (a second look for rival
  // writers, 500 ms after a MERGE) would find the reset and "restore" the previous test's
  // events. The race test runs two real replicas with it on.
  process.env.ORDER_TRACKING_SETTLE_CHECK_MS ??= '0'
  // Likewise the memory of this process's last write per invoice, kept for reads that lag: a
  // reset sandbox is an OMS gone back in time, whose lists it would take for late reads and
  // build on. The sandbox here never lags; readLag.test.ts runs replicas with lag on.
  process.env.ORDER_TRACKING_READ_LAG_MS ??= '0'
  const worker = await startServiceWorker(sandbox.url)
  const port = worker.port
  const baseUrl = `http://127.0.0.1:${port}`
  const graphqlUrl = `${baseUrl}${graphqlPath()}`
  installMasterDataSchemas(sandbox)
  subscribeServiceToEvents(sandbox, baseUrl)

  return {
    sandbox,
    graphqlUrl,
    baseUrl,
    logs: () => [...logLines],
    graphql: call => callGraphQL(baseUrl, call),
    async close() {
      await worker.close()
      await sandbox.close()
    },
  }
}

/**
 * One stack for a test file: started before its tests, closed after them, and before each
 * test the sandbox reseeded, without faults and with an empty journal. The returned object
 * stands for the stack from the first test on.
 */
export function useServiceStack(): ServiceStack {
  let started: ServiceStack | undefined
  const current = () => {
    if (!started) throw new Error('the service stack is only there inside tests')
    return started
  }
  beforeAll(async () => {
    started = await startServiceStack()
  }, 60_000)
  afterAll(() => started?.close())
  beforeEach(() => {
    current().sandbox.reset()
    current().sandbox.setFaults({})
    current().sandbox.clearJournal()
  })
  return {
    get sandbox() {
      return current().sandbox
    },
    get graphqlUrl() {
      return current().graphqlUrl
    },
    get baseUrl() {
      return current().baseUrl
    },
    logs: () => current().logs(),
    graphql: call => current().graphql(call),
    close: () => current().close(),
  }
}
