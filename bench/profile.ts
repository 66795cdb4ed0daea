// Summary of a V8 .cpuprofile (node --cpu-prof): self time by function and by package.
import { readFileSync } from 'fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

/** Where a script comes from: a package under node_modules, node's own code, or the app. */
function owner(url: string): string {
  if (!url) return '(native / vm)'
  if (url.startsWith('node:')) return 'node core'
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (m) return m[1]
  if (url.includes('/node/')) return 'app: node/'
  if (url.includes('/domain/')) return 'app: domain/'
  return url.replace(/^.*\//, '')
}

export interface ProfileSummary {
  totalMs: number
  byPackage: Array<{ name: string; ms: number; share: number }>
  topFunctions: Array<{ name: string; ms: number; share: number }>
}

export function summarizeProfile(file: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const byId = new Map(profile.nodes.map(node => [node.id, node]))
  const selfUs = new Map<number, number>()
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
  const byPackage = new Map<string, number>()
  const byFunction = new Map<string, number>()
  let total = 0
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame
    if (frame.functionName === '(idle)') continue
    total += us
    const pkg = frame.functionName === '(garbage collector)' ? '(garbage collector)' : owner(frame.url)
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us)
    const fn = `${frame.functionName || '(anonymous)'} ${owner(frame.url)}${frame.url ? `:${frame.url.replace(/^.*\//, '')}:${frame.lineNumber + 1}` : ''}`
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us)
  }
  const rank = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: Number((us / total).toFixed(3)) }))
  return { totalMs: Math.round(total / 1000), byPackage: rank(byPackage), topFunctions: rank(byFunction) }
}
