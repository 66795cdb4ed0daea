// Reads a downloaded results file back as a spreadsheet would: RFC 4180 with the given
// separator, a leading BOM dropped. Written apart from the page's CSV code on purpose, so a
// test does not check the page's writer with the page's own reader.

export function readCsvRows(text: string, separator: ',' | ';'): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let inQuotes = false
  const source = text.replace(/^\ufeff/, '')
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (inQuotes) {
      if (c === '"' && source[i + 1] === '"') (cell += '"'), i++
      else if (c === '"') inQuotes = false
      else cell += c
    } else if (c === '"') inQuotes = true
    else if (c === separator) row.push(cell), (cell = '')
    else if (c === '\r' && source[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++
    } else cell += c
  }
  if (cell !== '' || row.length > 0) row.push(cell), rows.push(row)
  return rows
}

/** The file's rows as records keyed by its header row. */
export function readCsvRecords(text: string, separator: ',' | ';'): Array<Record<string, string>> {
  const [header, ...body] = readCsvRows(text, separator)
  return body.map(cells => Object.fromEntries(header.map((column, i) => [column, cells[i]])))
}
