// A GraphQL call to the Service as the IO router makes it: the x-vtex-* headers, the app's
// own token as x-vtex-credential, and the caller's VTEX ID token as a cookie (an Admin user)
// or a header (another IO app).
import { LOCAL_ACCOUNT, LOCAL_WORKSPACE } from './environment'

export interface GraphQLCall {
  query: string
  variables?: Record<string, unknown>
  /** The caller's VtexIdclientAutCookie; omitted → none. */
  userToken?: string
  /** Sent as a header instead of a cookie (how an IO app calls another). */
  userTokenAsHeader?: boolean
  /** What the IO router passes as x-vtex-credential (the app's own token). */
  appToken?: string
  account?: string
}

export interface GraphQLAnswer {
  status: number
  body: any
  raw: string
}

export const graphqlPath = (account = LOCAL_ACCOUNT) => `/${account}/${LOCAL_WORKSPACE}/_v/graphql`

export async function callGraphQL(baseUrl: string, call: GraphQLCall): Promise<GraphQLAnswer> {
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
  const response = await fetch(`${baseUrl}${graphqlPath()}`, {
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
}
