// Demo accounts and credentials known to the sandbox. They are fake, public and
// only meaningful to this sandbox; the README and tests refer to them by name.

/**
 * License Manager product/resource of "Notify invoice" (OMS > OMS access).
 * VTEX does not publish the real key of this resource: these values are a
 * placeholder and MUST match the constants the service uses in its @auth check.
 */
export const NOTIFY_INVOICE_PRODUCT_CODE = '2'
export const NOTIFY_INVOICE_RESOURCE_CODE = 'NotifyInvoice'

export const DEFAULT_ACCOUNT = 'localstore'
export const OTHER_ACCOUNT = 'otherstore'
export const ACCOUNTS = [DEFAULT_ACCOUNT, OTHER_ACCOUNT] as const

export interface Identity {
  /** Name used in docs and tests. */
  name: string
  /** The secret: a VtexIdclientAutCookie token, or the AppToken of a key pair. */
  token: string
  /** Only for app key pairs (X-VTEX-API-AppKey). */
  appKey?: string
  /** Login as VTEX ID reports it and as License Manager knows it. */
  user: string
  userId: string
  userType: 'user' | 'appToken' | 'appKey'
  account: string
  /** Does VTEX ID's authenticated/user answer for this token? */
  knownToVtexId: boolean
  /** Accounts where OMS GET is allowed. */
  omsRead: string[]
  /** Accounts where License Manager grants Notify invoice (so OMS PUT/PATCH is allowed). */
  notifyInvoiceGrants: string[]
  /** Accepted as `Authorization` on License Manager calls for these accounts. */
  licenseManagerCaller: string[]
}

export const IDENTITIES = {
  localAdmin: {
    name: 'local-admin', token: 'local-admin', user: 'admin@localstore.example',
    userId: '7d0b3f7e-0001-4a6e-9c1a-000000000001', userType: 'user', account: DEFAULT_ACCOUNT,
    knownToVtexId: true, omsRead: [DEFAULT_ACCOUNT], notifyInvoiceGrants: [DEFAULT_ACCOUNT], licenseManagerCaller: [],
  },
  localViewer: {
    name: 'local-viewer', token: 'local-viewer', user: 'viewer@localstore.example',
    userId: '7d0b3f7e-0002-4a6e-9c1a-000000000002', userType: 'user', account: DEFAULT_ACCOUNT,
    knownToVtexId: true, omsRead: [DEFAULT_ACCOUNT], notifyInvoiceGrants: [], licenseManagerCaller: [],
  },
  otherAccountAdmin: {
    name: 'other-account-admin', token: 'other-account-admin', user: 'admin@otherstore.example',
    userId: '7d0b3f7e-0003-4a6e-9c1a-000000000003', userType: 'user', account: OTHER_ACCOUNT,
    knownToVtexId: true, omsRead: [OTHER_ACCOUNT], notifyInvoiceGrants: [OTHER_ACCOUNT], licenseManagerCaller: [],
  },
  localAppToken: {
    // What the IO router passes as x-vtex-credential to the order-tracking app.
    name: 'local-app-token', token: 'local-app-token', user: 'vtex.order-tracking',
    userId: '7d0b3f7e-0004-4a6e-9c1a-000000000004', userType: 'appToken', account: DEFAULT_ACCOUNT,
    knownToVtexId: true, omsRead: [DEFAULT_ACCOUNT], notifyInvoiceGrants: [DEFAULT_ACCOUNT], licenseManagerCaller: [DEFAULT_ACCOUNT],
  },
  localAppTokenReadonly: {
    name: 'local-app-token-readonly', token: 'local-app-token-readonly', user: 'vtex.order-tracking-readonly',
    userId: '7d0b3f7e-0005-4a6e-9c1a-000000000005', userType: 'appToken', account: DEFAULT_ACCOUNT,
    knownToVtexId: true, omsRead: [DEFAULT_ACCOUNT], notifyInvoiceGrants: [], licenseManagerCaller: [DEFAULT_ACCOUNT],
  },
  localCallerAppToken: {
    // Another IO app calling order-tracking; LM grants it as if its manifest declared the policy.
    name: 'local-caller-app-token', token: 'local-caller-app-token', user: 'vtex.caller-app',
    userId: '7d0b3f7e-0006-4a6e-9c1a-000000000006', userType: 'appToken', account: DEFAULT_ACCOUNT,
    knownToVtexId: true, omsRead: [DEFAULT_ACCOUNT], notifyInvoiceGrants: [DEFAULT_ACCOUNT], licenseManagerCaller: [],
  },
  otherAppToken: {
    // otherstore's own app token, so License Manager can be asked about otherstore.
    name: 'other-app-token', token: 'other-app-token', user: 'vtex.order-tracking',
    userId: '7d0b3f7e-0007-4a6e-9c1a-000000000007', userType: 'appToken', account: OTHER_ACCOUNT,
    knownToVtexId: true, omsRead: [OTHER_ACCOUNT], notifyInvoiceGrants: [OTHER_ACCOUNT], licenseManagerCaller: [OTHER_ACCOUNT],
  },
  localAppKey: {
    // X-VTEX-API-AppKey / X-VTEX-API-AppToken pair, as VTEX documents for OMS.
    name: 'localstore-demo-key', appKey: 'localstore-demo-key', token: 'localstore-demo-secret', user: 'localstore-demo-key',
    userId: '7d0b3f7e-0008-4a6e-9c1a-000000000008', userType: 'appKey', account: DEFAULT_ACCOUNT,
    knownToVtexId: false, omsRead: [DEFAULT_ACCOUNT], notifyInvoiceGrants: [DEFAULT_ACCOUNT], licenseManagerCaller: [],
  },
} satisfies Record<string, Identity>

export const ALL_IDENTITIES: Identity[] = Object.values(IDENTITIES)

/** Every secret the sandbox knows (tests grep the journal for these). */
export const ALL_SECRETS: string[] = ALL_IDENTITIES.map((i) => i.token)

export function findByToken(token: string): Identity | undefined {
  return ALL_IDENTITIES.find((i) => i.appKey === undefined && i.token === token)
}

export function findByAppKey(appKey: string, appToken: string): Identity | undefined {
  return ALL_IDENTITIES.find((i) => i.appKey !== undefined && i.appKey === appKey && i.token === appToken)
}

/** The License Manager check: is `login` granted product/resource in `account`? */
export function isGranted(account: string, login: string, productCode: string, resourceCode: string): boolean {
  if (productCode !== NOTIFY_INVOICE_PRODUCT_CODE || resourceCode !== NOTIFY_INVOICE_RESOURCE_CODE) return false
  return ALL_IDENTITIES.some((i) => i.user === login && i.notifyInvoiceGrants.includes(account))
}
