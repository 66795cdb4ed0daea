// Public entry point of the sandbox module.
export { startOmsSandbox } from './server'
export type { OmsSandbox, OmsSandboxOptions } from './server'
export * from './identities'
export { DEMO_ORDERS } from './seed'
export { fingerprint } from './journal'
export type * from './types'
export { LOCAL_WEBHOOK_SECRET } from './appSettings'
