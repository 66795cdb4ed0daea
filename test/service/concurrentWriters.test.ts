// Two Service processes (two replicas) racing MERGE writes onto the same invoices through
// one OMS. Each process groups the updates waiting for an invoice into one write (group
// commit), but across processes nothing is shared: OMS replaces the list on every PUT, so a
// read-merge-write that races another can drop the other's events, and the verify-after-write
// and the settle check in node/tracking/invoiceWrites.ts must catch every such drop. Every
// event must be on its invoice at the end.
import { startOmsSandbox, OmsSandbox } from '../../dev/oms-sandbox'
import { callGraphQL } from '../../dev/io-runtime/graphqlClient'
import { ServiceProcess, startServiceProcess } from '../../dev/io-runtime/serviceProcess'
import { UPDATE_TRACKING_STATUS, UPDATE_TRACKING_STATUSES, event } from '../support/operations'

const INVOICES = ['RACE-1', 'RACE-2', 'RACE-3']
const ORDERED = 'ORDERED-1'
const SLOW = 'SLOW-1'
const EVENTS_PER_REPLICA_PER_INVOICE = 8

let sandbox: OmsSandbox
let replicas: ServiceProcess[]

beforeAll(async () => {
  sandbox = await startOmsSandbox({ quiet: true })
  sandbox.addOrders([
    {
      orderId: '5000000000001-01',
      invoices: [...INVOICES, ORDERED, SLOW].map(invoiceNumber => ({ invoiceNumber, trackingNumber: `TN${invoiceNumber}`, courier: 'Carrier' })),
    },
  ])
  replicas = await Promise.all([startServiceProcess(sandbox.url), startServiceProcess(sandbox.url)])
}, 90_000)

afterAll(async () => {
  await Promise.all((replicas ?? []).map(replica => replica.stop()))
  await sandbox?.close()
})

const storedDescriptions = (invoiceNumber: string) =>
  (sandbox.getOrder('5000000000001-01')!.packageAttachment.packages.find(p => p.invoiceNumber === invoiceNumber)!
    .courierStatus?.data ?? []).map(entry => entry.description)

test('given two replicas posting MERGE events to the same invoices at once, then no event is lost', async () => {
  const calls = replicas.flatMap((replica, r) =>
    INVOICES.flatMap(invoiceNumber =>
      Array.from({ length: EVENTS_PER_REPLICA_PER_INVOICE }, (_, i) =>
        callGraphQL(replica.baseUrl, {
          query: UPDATE_TRACKING_STATUS,
          userToken: 'local-admin',
          variables: {
            orderId: '5000000000001-01',
            invoiceNumber,
            input: { isDelivered: false, events: [event(`replica ${r} event ${i}`, `2026-11-20T10:${String(i).padStart(2, '0')}:0${r}Z`)] },
          },
        })
      )
    )
  )
  const answers = await Promise.all(calls)
  const failures = answers.filter(answer => answer.body?.errors)
  // A CONFLICT would be honest (reported, not silent), but with bounded rewrites this load
  // must settle: every call succeeds.
  expect(failures.map(answer => answer.body.errors[0].extensions.code)).toEqual([])

  // A rival can still drop an event after its writer verified it; the writer's settle check
  // (a moment later, off the caller's path) puts it back. Wait for that, then every event
  // must be there, once.
  const complete = () => INVOICES.every(invoiceNumber => storedDescriptions(invoiceNumber).length === 2 * EVENTS_PER_REPLICA_PER_INVOICE)
  for (let waited = 0; !complete() && waited < 5000; waited += 100) await new Promise(resolve => setTimeout(resolve, 100))
  for (const invoiceNumber of INVOICES) {
    const stored = storedDescriptions(invoiceNumber)
    expect(stored).toHaveLength(2 * EVENTS_PER_REPLICA_PER_INVOICE)
    expect(new Set(stored).size).toBe(stored.length)
  }
  // Group commit in each process: fewer PUTs than calls, however the two interleaved.
  const puts = sandbox.journal().filter(entry => entry.method === 'PUT').length
  expect(puts).toBeLessThan(calls.length)
}, 60_000)

test('given a batch with several updates to one invoice, then they are one PUT carrying them all', async () => {
  sandbox.clearJournal()
  const updates = ['first', 'second', 'third'].map((description, i) => ({
    orderId: '5000000000001-01',
    invoiceNumber: ORDERED,
    input: { isDelivered: false, events: [event(`ordered ${description}`, `2026-11-21T0${i}:00:00Z`)] },
  }))
  const answer = await callGraphQL(replicas[0].baseUrl, { query: UPDATE_TRACKING_STATUSES, userToken: 'local-admin', variables: { updates } })
  expect(answer.body.data.updateTrackingStatuses.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, true])
  const putEvents = sandbox
    .journal()
    .filter(entry => entry.method === 'PUT' && entry.path.includes(ORDERED))
    .map(entry => (entry.body as { events: Array<{ description: string }> }).events.map(e => e.description).filter(d => d.startsWith('ordered')))
  expect(putEvents).toEqual([['ordered first', 'ordered second', 'ordered third']])
}, 30_000)

test('given both replicas posting to one invoice while OMS is slow, then each groups its waiting updates and no event is lost', async () => {
  sandbox.clearJournal()
  // 20-30 ms per OMS request: each replica's calls pile up behind its write in flight, and
  // the two replicas' rounds overlap, so they drop each other's events and must restore them.
  sandbox.setFaults({ latencyMs: { min: 20, max: 30 } })
  const perReplica = 30
  const calls = replicas.flatMap((replica, r) =>
    Array.from({ length: perReplica }, (_, i) =>
      callGraphQL(replica.baseUrl, {
        query: UPDATE_TRACKING_STATUS,
        userToken: 'local-admin',
        variables: {
          orderId: '5000000000001-01',
          invoiceNumber: SLOW,
          input: { isDelivered: false, events: [event(`slow ${r}-${i}`, `2026-11-22T10:${String(i).padStart(2, '0')}:0${r}Z`)] },
        },
      })
    )
  )
  const answers = await Promise.all(calls)
  expect(answers.filter(answer => answer.body?.errors).map(answer => answer.body.errors[0].extensions.code)).toEqual([])
  const complete = () => storedDescriptions(SLOW).length === 2 * perReplica
  for (let waited = 0; !complete() && waited < 8000; waited += 100) await new Promise(resolve => setTimeout(resolve, 100))
  const stored = storedDescriptions(SLOW)
  expect(stored).toHaveLength(2 * perReplica)
  expect(new Set(stored).size).toBe(stored.length)
  const puts = sandbox.journal().filter(entry => entry.method === 'PUT' && entry.path.includes(SLOW)).length
  expect(puts).toBeLessThanOrEqual(perReplica)
  sandbox.setFaults({})
}, 60_000)
