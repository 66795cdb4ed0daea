// The folder layout @vtex/api's runtime loads an app from, as the IO node builder makes it:
//   service/service.json       node/service.json plus the GraphQL route the builder adds
//   service/schema.graphql     graphql/*.graphql, concatenated as the graphql builder does
//   service/src/node/          the app's node/ code
import { mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync, rmSync, existsSync } from 'fs'
import { join } from 'path'

import { REPO_ROOT } from './environment'

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap(name => {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) return graphqlFiles(path)
      return name.endsWith('.graphql') ? [path] : []
    })
}

export function concatenatedSchema(): string {
  return graphqlFiles(join(REPO_ROOT, 'graphql'))
    .map(path => readFileSync(path, 'utf8'))
    .join('\n')
}

/**
 * Lays out `dir` for the runtime. `nodeSource` is what service/src/node points at: the
 * TypeScript sources (for jest, which compiles on require) or a compiled copy. `extraSchema`
 * is appended to the app's schema (the benchmark's floor field; never shipped).
 */
export function writeServiceLayout(dir: string, nodeSource: string, extraSchema = ''): void {
  const service = join(dir, 'service')
  rmSync(service, { recursive: true, force: true })
  mkdirSync(join(service, 'src'), { recursive: true })
  const serviceJson = JSON.parse(readFileSync(join(REPO_ROOT, 'node', 'service.json'), 'utf8'))
  serviceJson.routes = { ...serviceJson.routes, __graphql: { path: '/_v/graphql' } }
  writeFileSync(join(service, 'service.json'), JSON.stringify(serviceJson, null, 2))
  writeFileSync(join(service, 'schema.graphql'), `${concatenatedSchema()}\n${extraSchema}`)
  symlinkSync(nodeSource, join(service, 'src', 'node'), 'dir')
  const modules = join(nodeSource, 'node_modules')
  if (!existsSync(modules)) symlinkSync(join(REPO_ROOT, 'node', 'node_modules'), modules, 'dir')
}
