// axe-core (npm, pinned in package.json) run inside a page of the browser tests: injected as
// a script (the page may load nothing from outside its own server), run on the whole
// document, and its serious and critical violations returned as readable lines.
import { readFileSync } from 'fs'
import type { Page } from 'playwright-core'

/** The impacts that fail a test; "minor" and "moderate" are reported by axe but tolerated. */
export const FAILING_IMPACTS = ['serious', 'critical']

interface AxeNode {
  target: unknown[]
  html: string
  failureSummary?: string
}

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  helpUrl: string
  nodes: AxeNode[]
}

let axeSource: string | undefined
function source(): string {
  if (axeSource === undefined) axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf-8')
  return axeSource
}

/** Every violation axe finds on the page as it is now (any impact). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Colours in the middle of a transition (a dialog fading in) are not the page's.
  await page.evaluate(() => Promise.all(document.getAnimations().map(animation => animation.finished.catch(() => undefined))))
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: source() })
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe
    const results = await axe.run(document, { resultTypes: ['violations'] })
    return results.violations.map(v => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map(n => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }))
  })
}

const NODES_SHOWN = Number(process.env.AXE_NODES_SHOWN ?? 5)

/** One block of text per violation: rule, impact, help, then each element with axe's reason. */
export function describeViolations(where: string, violations: readonly AxeViolation[]): string[] {
  return violations.map(v => {
    const nodes = v.nodes.slice(0, NODES_SHOWN).map(n => {
      const reason = (n.failureSummary ?? '').replace(/\s*\n\s*/g, ' ')
      const html = n.html.length > 160 ? `${n.html.slice(0, 160)}…` : n.html
      return `  - ${n.target.join(' ')}\n      ${reason}\n      ${html}`
    })
    const more = v.nodes.length > NODES_SHOWN ? [`  … and ${v.nodes.length - NODES_SHOWN} more`] : []
    return [`[${where}] ${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`, ...nodes, ...more].join('\n')
  })
}

/** The serious and critical violations on the page, described; [] when there are none. */
export async function seriousViolations(page: Page, where: string): Promise<string[]> {
  const violations = await axeViolations(page)
  return describeViolations(
    where,
    violations.filter(v => v.impact !== null && FAILING_IMPACTS.includes(v.impact))
  )
}
