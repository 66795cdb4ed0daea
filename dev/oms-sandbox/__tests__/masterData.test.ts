import { EntityStore } from '../masterData/store'
import { parseWhere } from '../masterData/where'

function store(count: number) {
  const s = new EntityStore()
  s.putSchema('1', {
    properties: { n: { type: 'integer' }, at: { type: 'string', format: 'date-time' }, flag: { type: 'boolean' }, name: { type: ['string', 'null'] } },
    'v-indexed': ['n', 'at', 'flag', 'name'],
  })
  for (let i = 0; i < count; i++) {
    s.write(`d${String(i).padStart(5, '0')}`, { n: i, at: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(), flag: i % 2 === 0, name: i % 10 === 0 ? null : `n ${i % 3}`, free: 'x' }, 'replace')
  }
  return s
}

describe('the sandbox Master Data', () => {
  test('parses the documented _where forms', () => {
    expect(parseWhere('(firstName=Jon OR lastName=Smith) OR (createdIn between 2001-01-01 AND 2016-01-01)')).toMatchObject({ kind: 'or' })
    expect(parseWhere('firstName is not null')).toEqual({ kind: 'null', field: 'firstName', negated: true })
    expect(parseWhere('firstName<>maria')).toEqual({ kind: 'compare', field: 'firstName', op: '<>', value: 'maria' })
    expect(parseWhere('courier="Total Express" AND n>=5')).toMatchObject({ kind: 'and', items: [{ value: 'Total Express' }, { op: '>=' }] })
    expect(() => parseWhere('n=1 AND')).toThrow()
  })

  test('answers conditions, sorts and pages like a filter over all documents would', () => {
    const s = store(1000)
    const result = s.search({ where: 'flag=true AND n>100 AND (name="n 1" OR name is null)', sort: 'at DESC', fields: ['n'], from: 10, to: 20 })
    const expected = [...Array(1000).keys()]
      .filter(i => i % 2 === 0 && i > 100 && (i % 10 === 0 || i % 3 === 1))
      .sort((a, b) => b - a)
    expect(result.total).toBe(expected.length)
    expect(result.documents.map(d => d.n)).toEqual(expected.slice(10, 20))
    expect(s.search({ where: 'n between 10 AND 12', from: 0, to: 100 }).total).toBe(3)
  })

  test('keeps its indexes current through writes and deletes', () => {
    const s = store(10)
    s.write('d00001', { n: 500 }, 'merge')
    expect(s.search({ where: 'n>=500', from: 0, to: 10 }).documents.map(d => d.id)).toEqual(['d00001'])
    expect(s.get('d00001')).toMatchObject({ flag: false, n: 500 })
    s.delete('d00001')
    expect(s.search({ where: 'n>=500', from: 0, to: 10 }).total).toBe(0)
  })

  test('refuses to filter or sort on a field no schema indexes', () => {
    expect(() => store(1).search({ where: 'free=x', from: 0, to: 10 })).toThrow(/not indexed/)
    expect(() => store(1).search({ sort: 'free ASC', from: 0, to: 10 })).toThrow(/not indexed/)
  })
})
