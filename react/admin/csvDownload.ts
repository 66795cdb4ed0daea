// Offers text as a file download. The UTF-8 byte order mark makes Excel read accents right.
export const CSV_MIME = 'text/csv;charset=utf-8'

export function downloadCsv(fileName: string, csv: string) {
  const blob = new Blob(['\ufeff', csv], { type: CSV_MIME })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Revoked on a later task: some browsers start the download only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
