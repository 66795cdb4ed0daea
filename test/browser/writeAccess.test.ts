// Issue 13, item 4, in a real browser through the whole stack: the page asks once whether the
// user may write (trackingWriteAccess, answered by the sandbox's VTEX ID and License Manager)
// and, for the read-only viewer, shows the import and the tracking-number CSV disabled with
// the reason in words before anything is chosen; the admin gets them enabled.
import type { Page, Request } from 'playwright-core'

import { usePageStack } from './support/pageStack'

const pages = usePageStack()

/** The GraphQL operations the page sends from now on, by name. */
function recordOperations(page: Page): string[] {
  const names: string[] = []
  page.on('request', (request: Request) => {
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return
    const body = request.postDataJSON() as { operationName?: string } | Array<{ operationName?: string }>
    for (const operation of Array.isArray(body) ? body : [body]) names.push(operation.operationName ?? '')
  })
  return names
}

/** Loads the page again with the recorder on, so the first load's requests are counted too. */
async function reloadRecording(page: Page): Promise<string[]> {
  await page.waitForLoadState('networkidle')
  const operations = recordOperations(page)
  await page.reload()
  await page.getByRole('search').waitFor()
  return operations
}

const csvPanel = (page: Page) => page.getByRole('region', { name: 'Import tracking events from a CSV file' })
const numbersPanel = (page: Page) => page.getByRole('region', { name: 'Set or correct tracking numbers from a CSV file' })

test('the read-only viewer sees the imports disabled, with the reason, before choosing a file', async () => {
  const page = await pages.newPage({ as: 'viewer' })
  const operations = await reloadRecording(page)

  await page.getByText(/^Read only: changing tracking needs the "Notify invoice" resource/).waitFor()
  const eventsFile = csvPanel(page).getByLabel('CSV file')
  const numbersFile = numbersPanel(page).getByLabel('Tracking numbers CSV file')
  await page.waitForFunction(() => (document.getElementById('order-tracking-csv-file') as HTMLInputElement | null)?.disabled === true)
  expect(await eventsFile.isDisabled()).toBe(true)
  expect(await numbersFile.isDisabled()).toBe(true)
  // The reason is text on the page next to each, not a tooltip.
  for (const panel of [csvPanel(page), numbersPanel(page)]) {
    const note = panel.getByText('Disabled without the "Notify invoice" resource.')
    expect(await note.isVisible()).toBe(true)
  }
  // The sample files are reading, not writing: they stay available.
  expect(await csvPanel(page).getByRole('button', { name: 'Download a sample file' }).isEnabled()).toBe(true)

  // Asked once for the page load; no write was tried.
  expect(operations.filter(name => name === 'TrackingWriteAccess')).toHaveLength(1)
  expect(operations.filter(name => /^(Update|Set|Replay)/.test(name))).toEqual([])
  // Answered by VTEX ID and License Manager: nothing reached OMS.
  const journal = pages.stack.sandbox.journal()
  expect(journal.some(e => e.path.includes('/license-manager/') && e.path.includes('/logins/viewer@localstore.example/'))).toBe(true)
  expect(journal.filter(e => e.path.startsWith('/api/oms/'))).toEqual([])

  await pages.screenshot(page, 'write-access-viewer')
}, 30_000)

test('the admin gets the same controls enabled and no notice', async () => {
  const page = await pages.newPage()
  // The first load's requests are over: the answer awaited below is the reload's.
  await page.waitForLoadState('networkidle')
  const answered = page.waitForResponse(
    response => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('"TrackingWriteAccess"')
  )
  const operations = await reloadRecording(page)
  expect(await (await answered).json()).toEqual({ data: { trackingWriteAccess: true } })
  await page.waitForTimeout(100)
  expect(await csvPanel(page).getByLabel('CSV file').isEnabled()).toBe(true)
  expect(await numbersPanel(page).getByLabel('Tracking numbers CSV file').isEnabled()).toBe(true)
  expect(await page.getByText(/^Disabled/).count()).toBe(0)
  expect(await page.getByText(/^Read only: /).count()).toBe(0)
  expect(operations.filter(name => name === 'TrackingWriteAccess')).toHaveLength(1)
}, 30_000)
