// The domain of order tracking in plain TypeScript: no VTEX or React imports, so the node
// service, the admin page and the CSV import share one copy of every rule.
export * from './csvImport'
export * from './dates'
export * from './errorCodes'
export * from './fieldErrors'
export * from './identifiers'
export * from './invoiceTracking'
export * from './limits'
export * from './merge'
export * from './text'
export * from './trackingEvent'
export * from './trackingStatus'
export * from './trackingStatusVocabulary'
