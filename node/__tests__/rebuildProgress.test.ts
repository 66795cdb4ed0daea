// The rebuild's progress as every replica sees it: read from the stored document, so the
// replica a query lands on need not be the one running the walk.
import { RUN_STALE_AFTER_MS, rebuildProgress, startRebuild } from '../trackingIndex/rebuild'
import { RebuildProgressStore, StoredRebuildProgress } from '../trackingIndex/rebuildProgressStore'

const NOW = Date.parse('2026-11-20T12:00:00Z')
let accounts = 0
// Each test has its own account: a process's own runs are kept per account.
const account = () => `store${++accounts}`

function memoryStore(initial?: StoredRebuildProgress): RebuildProgressStore & { writes: StoredRebuildProgress[] } {
  let doc = initial
  const writes: StoredRebuildProgress[] = []
  return {
    writes,
    read: async () => doc,
    write: async progress => {
      writes.push(progress)
      doc = progress
    },
  }
}

const stored = (over: Partial<StoredRebuildProgress>): StoredRebuildProgress => ({
  runId: 'other-replica',
  state: 'RUNNING',
  invoicedFrom: '2026-11-01T00:00:00.000Z',
  invoicedTo: '2026-11-20T00:00:00.000Z',
  ordersFound: 5000,
  ordersListed: 1200,
  ordersIndexed: 1100,
  ordersFailed: 0,
  ordersUnreachable: 0,
  invoicesWritten: 1100,
  startedAt: new Date(NOW - 60_000).toISOString(),
  finishedAt: null,
  heartbeatAt: new Date(NOW - 1_000).toISOString(),
  ...over,
})

describe('given a rebuild running on another replica', () => {
  test('when this replica is asked for progress, then it answers the stored run', async () => {
    const progress = await rebuildProgress(account(), memoryStore(stored({})), NOW)
    expect(progress).toMatchObject({ id: 'other-replica', state: 'RUNNING', ordersListed: 1200, ordersIndexed: 1100 })
  })

  test('when this replica is asked to rebuild, then it answers that run and lists nothing', async () => {
    const listed: unknown[] = []
    const lister = { listInvoicedOrders: async (...args: unknown[]) => (listed.push(args), { list: [], paging: { total: 0, pages: 0 } }) }
    const store = memoryStore(stored({}))
    const progress = await startRebuild(
      { oms: { account: account() } as never, index: {} as never, lister: lister as never, progressStore: store },
      { invoicedFrom: '2026-11-01T00:00:00Z', invoicedTo: '2026-11-20T00:00:00Z' },
      NOW
    )
    expect(progress).toMatchObject({ id: 'other-replica', state: 'RUNNING' })
    expect(listed).toEqual([])
    expect(store.writes).toEqual([])
  })

  test('when its replica stopped writing, then the run reads FAILED and a new rebuild may start', async () => {
    const heartbeatAt = new Date(NOW - RUN_STALE_AFTER_MS - 1).toISOString()
    const store = memoryStore(stored({ heartbeatAt }))
    expect(await rebuildProgress(account(), store, NOW)).toMatchObject({ state: 'FAILED', finishedAt: heartbeatAt })

    const lister = { listInvoicedOrders: async () => ({ list: [], paging: { total: 0, pages: 0 } }) }
    const progress = await startRebuild(
      { oms: { account: account() } as never, index: {} as never, lister: lister as never, progressStore: store },
      { invoicedFrom: '2026-11-01T00:00:00Z', invoicedTo: '2026-11-20T00:00:00Z' },
      NOW
    )
    expect(progress).toMatchObject({ state: 'DONE', ordersFound: 0 })
    expect(store.writes.map(w => w.state)).toEqual(['DONE', 'DONE'])
  })
})

test('given no rebuild ever, when progress is asked, then it is IDLE', async () => {
  expect(await rebuildProgress(account(), memoryStore(), NOW)).toMatchObject({ state: 'IDLE' })
})
