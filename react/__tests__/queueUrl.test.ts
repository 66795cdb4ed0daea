import { readQueueUrl, toQuery, zonedDayBoundary } from '../admin/workQueue/queueUrl'

describe("the work queue's URL state", () => {
  test('reads a shared link, and ignores what it does not know', () => {
    expect(readQueueUrl({ problem: 'LATE', courier: 'Jadlog', status: 'DELAYED', from: '2026-11-01', to: 'x', page: '3', after: 'bzoxMDA=' })).toEqual({
      problem: 'LATE', courier: 'Jadlog', status: 'DELAYED', from: '2026-11-01', to: '', after: 'bzoxMDA=', page: 3,
    })
    expect(readQueueUrl({ problem: 'nope', status: 'LOST', page: '-1' })).toMatchObject({ problem: 'NO_TRACKING_NUMBER', status: '', page: 1 })
    expect(readQueueUrl({ problem: 'ALL' }).problem).toBeNull()
  })

  test('writes only what is set, and drops emptied keys', () => {
    expect(toQuery({ problem: null, courier: '', after: '', page: 1 })).toEqual({ problem: 'ALL', courier: undefined, after: undefined, page: undefined })
    expect(toQuery({ problem: 'STALE', page: 2 })).toEqual({ problem: 'STALE', page: '2' })
  })

  test("a calendar day of the store's time zone as instants", () => {
    expect(zonedDayBoundary('2026-11-30', 'America/Sao_Paulo')).toBe('2026-11-30T03:00:00.000Z')
    expect(zonedDayBoundary('2026-11-30', 'America/Sao_Paulo', true)).toBe('2026-12-01T02:59:59.999Z')
    expect(zonedDayBoundary('2026-11-30', 'UTC')).toBe('2026-11-30T00:00:00.000Z')
    expect(zonedDayBoundary('30/11/2026', 'UTC')).toBeNull()
  })
})
