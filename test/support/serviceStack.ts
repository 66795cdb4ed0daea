// The whole local path inside one jest worker: the OMS sandbox, and the real @vtex/api
// runtime serving our node/ code (compiled by ts-jest on require) with every outbound call
// going to the sandbox through HTTP_PROXY. Only ports chosen by the OS are used, so test
// files and people can run stacks side by side.
import { OmsSandbox, startOmsSandbox } from '../../dev/oms-sandbox'
import { LOCAL_ACCOUNT, LOCAL_WORKSPACE } from '../../dev/io-runtime/environment'
import { startServiceWorker } from '../../dev/io-runtime/worker'

export interface GraphQLCall {
  query: string
  variables?: Record<string, unknown>
  /** The admin user's VtexIdclientAutCookie; omitted → no cookie. */
  userToken?: string
  /** What the IO router passes as x-vtex-credential (the app's own token). */
  appToken?: string
  /** Sent as a header instead of a cookie (how an IO app calls another). */
  userTokenAsHeader?: boolean
  account?: string
}

export interface GraphQLAnswer {
  status: number
  body: any
  raw: string
}

export interface ServiceStack {
  sandbox: OmsSandbox
  /** Every line the runtime and the app logged since the stack started. */
  logs(): string[]
  graphqlUrl: string
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
  const worker = await startServiceWorker(sandbox.url)
  const port = worker.port
  const graphqlUrl = `http://127.0.0.1:${port}/${LOCAL_ACCOUNT}/${LOCAL_WORKSPACE}/_v/graphql`

  return {
    sandbox,
    graphqlUrl,
    logs: () => [...logLines],
    async graphql(call) {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'x-vtex-account': call.account ?? LOCAL_ACCOUNT,
        'x-vtex-workspace': LOCAL_WORKSPACE,
        'x-vtex-credential': call.appToken ?? 'local-app-token',
      }
      if (call.userToken !== undefined) {
        if (call.userTokenAsHeader) headers.VtexIdclientAutCookie = call.userToken
        else headers.cookie = `VtexIdclientAutCookie=${call.userToken}`
      }
      const response = await fetch(graphqlUrl, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: call.query, variables: call.variables ?? {} }),
      })
      const raw = await response.text()
      let body: any
      try {
        body = JSON.parse(raw)
      } catch {
        body = undefined
      }
      return { status: response.status, body, raw }
    },
    async close() {
      await worker.close()
      await sandbox.close()
    },
  }
}
