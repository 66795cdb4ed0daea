// Every bound the API enforces, in one place: the service validates with them, the admin
// page previews with them, and the README lists them.
export const LIMITS = {
  orderIdMaxLength: 64,
  invoiceNumberMaxLength: 50,
  trackingNumberMaxLength: 100,
  trackingUrlMaxLength: 2048,
  courierMaxLength: 100,
  cityMaxLength: 100,
  stateMaxLength: 100,
  descriptionMaxLength: 5000, // OMS's documented maximum
  eventsPerCall: 100,
  eventsPerInvoice: 500, // after a MERGE: keeps one invoice's payload to OMS bounded
  batchSize: 200,
  // Root fields (aliases included) one GraphQL request may select. Each root field runs its
  // own @auth check (a VTEX ID and a License Manager call) and OMS calls, and each refusal
  // becomes one error that the runtime de-duplicates in quadratic time: 1,000 aliases took
  // 70 s of CPU. Bulk writes go through updateTrackingStatuses instead.
  rootFieldsPerRequest: 10,
  // The query document, checked before graphql-js validates it (node/validationGuard.ts): the
  // runtime answers every validation error with the whole query attached and de-duplicates
  // them in quadratic time, and overlapping-field validation is quadratic too. The page's
  // largest operation has about 40 selections; introspection about 100.
  queryMaxCharacters: 100_000,
  queryMaxSelections: 2_000,
  queryMaxFragments: 100,
  queryMaxValidationErrors: 5,
  // Event dates before this are typos (OMS has no orders older than this), and dates further
  // ahead than this are clock or time-zone mistakes.
  earliestDate: '2000-01-01T00:00:00Z',
  futureToleranceMs: 24 * 60 * 60 * 1000,
  // The admin page's CSV import: bigger files are refused before they are read, so a
  // spreadsheet exported by mistake cannot hold the tab for minutes. 10,000 rows are 50
  // batch calls.
  csvMaxBytes: 5 * 1024 * 1024,
  csvMaxRows: 10_000,
  // One batch call of the import: at most batchSize rows and this many bytes of JSON, well
  // under the runtime's 3 MB request body limit (co-body in @vtex/api), which answered 413
  // to 200 rows of 5,000 emoji (4 MB).
  csvBatchMaxBytes: 1024 * 1024,
} as const
