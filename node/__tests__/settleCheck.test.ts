// The settle check: a second look, after writes to an invoice go quiet, for events of ours
// that a rival replica dropped after our verify-after-write had already passed.
import { updateTracking } from '../tracking/updateTracking'
import { FakeOms } from './fakeOms'

const NOW = Date.parse('2024-05-10T12:00:00Z')
// Pending checks live in the module, per invoice: each test writes to an invoice of its own.
const ORDER = '1172452900788-01'
let INVOICE = ''
let invoices = 0
const ev = (description: string, date: string) => ({ city: 'Curitiba', state: 'PR', description, date })
const merge = (oms: FakeOms, event: ReturnType<typeof ev>) =>
  updateTracking(oms, { orderId: ORDER, invoiceNumber: INVOICE, input: { isDelivered: false, events: [event] } }, { now: NOW })
const reads = (oms: FakeOms) => oms.calls.filter(call => call.method === 'getOrder').length

beforeEach(() => {
  INVOICE = `NF-${++invoices}`
  process.env.ORDER_TRACKING_SETTLE_CHECK_MS = '500'
  jest.useFakeTimers({ doNotFake: ['Date'] })
})
afterEach(() => {
  jest.useRealTimers()
  delete process.env.ORDER_TRACKING_SETTLE_CHECK_MS
})

describe('given a MERGE that verified, then a rival write that dropped its event', () => {
  test('when writes have been quiet for the delay, then the event is merged back, keeping the rival’s', async () => {
    const oms = new FakeOms().addInvoice(ORDER, { invoiceNumber: INVOICE })
    await merge(oms, ev('ours', '2024-05-01T10:00:00Z'))
    oms.store(ORDER, INVOICE, [ev('rival', '2024-05-01T11:00:00Z')])

    await jest.advanceTimersByTimeAsync(499)
    expect(oms.events(ORDER, INVOICE).map(e => e.description)).toEqual(['rival'])
    await jest.advanceTimersByTimeAsync(100)
    expect(oms.events(ORDER, INVOICE).map(e => e.description)).toEqual(['ours', 'rival'])
  })
})

describe('given a burst of MERGEs to one invoice', () => {
  test('then they share one settle read, which watches every event of the burst', async () => {
    const oms = new FakeOms().addInvoice(ORDER, { invoiceNumber: INVOICE })
    for (const [i, description] of ['a', 'b', 'c'].entries()) await merge(oms, ev(description, `2024-05-0${i + 1}`))
    const readsAfterWrites = reads(oms)
    oms.store(ORDER, INVOICE, [ev('b', '2024-05-02')]) // a rival dropped a and c

    await jest.advanceTimersByTimeAsync(600)
    expect(oms.events(ORDER, INVOICE).map(e => e.description)).toEqual(['a', 'b', 'c'])
    // One settle read, then the MERGE that restored a and c (read, write, verify read).
    expect(reads(oms) - readsAfterWrites).toBe(3)
  })
})

describe('given nothing was dropped', () => {
  test('then the settle check only reads', async () => {
    const oms = new FakeOms().addInvoice(ORDER, { invoiceNumber: INVOICE })
    await merge(oms, ev('ours', '2024-05-01'))
    const puts = oms.puts().length
    await jest.advanceTimersByTimeAsync(600)
    expect(oms.puts().length).toBe(puts)
  })

  test('when the check is turned off, then nothing more is read', async () => {
    process.env.ORDER_TRACKING_SETTLE_CHECK_MS = '0'
    const oms = new FakeOms().addInvoice(ORDER, { invoiceNumber: INVOICE })
    await merge(oms, ev('ours', '2024-05-01'))
    const before = reads(oms)
    await jest.advanceTimersByTimeAsync(5000)
    expect(reads(oms)).toBe(before)
  })
})

describe('given a MERGE and then a REPLACE of the same invoice', () => {
  const replace = (oms: FakeOms, input: unknown) =>
    updateTracking(oms, { orderId: ORDER, invoiceNumber: INVOICE, input, mode: 'REPLACE' }, { now: NOW })

  test('when the REPLACE comes after the MERGE answered, then the quiet period keeps exactly the REPLACE', async () => {
    const oms = new FakeOms().addInvoice(ORDER, { invoiceNumber: INVOICE })
    await merge(oms, ev('x', '2024-05-01'))
    await replace(oms, { isDelivered: false, events: [ev('y', '2024-05-02')] })
    const puts = oms.puts().length
    await jest.advanceTimersByTimeAsync(5000)
    expect(oms.events(ORDER, INVOICE).map(e => e.description)).toEqual(['y'])
    expect(oms.puts().length).toBe(puts)
  })

  test('when the REPLACE arrives while the MERGE is still writing, then the MERGE schedules no check that undoes it', async () => {
    const oms = new FakeOms().addInvoice(ORDER, { invoiceNumber: INVOICE })
    const merging = merge(oms, ev('x', '2024-05-01'))
    const replacing = replace(oms, { isDelivered: false, events: [ev('y', '2024-05-02')] })
    await Promise.all([merging, replacing])
    await jest.advanceTimersByTimeAsync(5000)
    expect(oms.events(ORDER, INVOICE).map(e => e.description)).toEqual(['y'])
  })

  test('when a delivered MERGE is followed by a REPLACE that un-delivers, then it stays un-delivered', async () => {
    const oms = new FakeOms().addInvoice(ORDER, { invoiceNumber: INVOICE })
    await updateTracking(
      oms,
      { orderId: ORDER, invoiceNumber: INVOICE, input: { isDelivered: true, deliveredDate: '2024-05-03', events: [ev('delivered', '2024-05-03')] } },
      { now: NOW }
    )
    await replace(oms, { isDelivered: false, events: [ev('in transit', '2024-05-02')] })
    await jest.advanceTimersByTimeAsync(5000)
    expect(oms.events(ORDER, INVOICE).map(e => e.description)).toEqual(['in transit'])
    expect(oms.puts().slice(-1)[0].body.isDelivered).toBe(false)
  })

  test('when a MERGE comes after the REPLACE, then its own settle check still runs', async () => {
    const oms = new FakeOms().addInvoice(ORDER, { invoiceNumber: INVOICE })
    await replace(oms, { isDelivered: false, events: [ev('y', '2024-05-02')] })
    await merge(oms, ev('z', '2024-05-03'))
    oms.store(ORDER, INVOICE, [ev('y', '2024-05-02')]) // a rival dropped z
    await jest.advanceTimersByTimeAsync(600)
    expect(oms.events(ORDER, INVOICE).map(e => e.description)).toEqual(['y', 'z'])
  })
})
