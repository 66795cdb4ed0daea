// Percentiles and small table helpers.
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]
}

export interface Distribution {
  n: number
  p50: number
  p90: number
  p99: number
  mean: number
  max: number
}

export function distribution(values: number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b)
  const mean = sorted.reduce((sum, v) => sum + v, 0) / (sorted.length || 1)
  return { n: sorted.length, p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), mean, max: sorted[sorted.length - 1] ?? NaN }
}

export const round = (v: number, digits = 2) => (Number.isFinite(v) ? Number(v.toFixed(digits)) : v)

export function table(headers: string[], rows: Array<Array<string | number>>): string {
  const cells = [headers, ...rows.map(row => row.map(cell => (typeof cell === 'number' ? String(round(cell)) : cell)))]
  const widths = headers.map((_, c) => Math.max(...cells.map(row => String(row[c] ?? '').length)))
  const line = (row: Array<string | number>) => '| ' + row.map((cell, c) => String(cell ?? '').padEnd(widths[c])).join(' | ') + ' |'
  return [line(cells[0]), '|' + widths.map(w => '-'.repeat(w + 2)).join('|') + '|', ...cells.slice(1).map(line)].join('\n')
}
