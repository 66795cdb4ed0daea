// The local demo admin: serves react/local (a stand-in for the IO admin shell) at
// /admin/app/order-tracking and proxies /graphql to the app's Service with the headers the
// IO router would add. Not shipped to IO. Works with the `vite` CLI and with
// `createServer({ configFile: '<this file>' })`; settings come from the environment:
//   PORT                            dev server port (default 3000)
//   ORDER_TRACKING_GRAPHQL_URL      the Service's GraphQL URL
//                                   (default http://127.0.0.1:5050/localstore/master/_v/graphql)
import react from '@vitejs/plugin-react'
import { createHash } from 'crypto'
import { readFileSync } from 'fs'
import type { IncomingMessage, ServerResponse } from 'http'
import { createRequire } from 'module'
import path from 'path'
import { fileURLToPath } from 'url'
import { Plugin, defineConfig } from 'vite'

import { DEMO_ORDERS } from '../dev/oms-sandbox/seed'
import { pageProxyGuard } from '../dev/pageProxyGuard'

const REACT_DIR = path.dirname(fileURLToPath(import.meta.url))
const REPO_ROOT = path.resolve(REACT_DIR, '..')
const BASE = '/admin/app/order-tracking/'

const GRAPHQL_URL = new URL(
  process.env.ORDER_TRACKING_GRAPHQL_URL ?? 'http://127.0.0.1:5050/localstore/master/_v/graphql'
)
const [, ACCOUNT = 'localstore', WORKSPACE = 'master'] =
  /^\/([^/]+)\/([^/]+)\/_v\/graphql\/?$/.exec(GRAPHQL_URL.pathname) ?? []

// The page picks one of these demo identities by name; it never sends a token itself.
const TOKENS_BY_IDENTITY: Record<string, string> = { admin: 'local-admin', viewer: 'local-viewer' }
const APP_TOKEN = 'local-app-token'

function addIoHeaders(proxyReq: { setHeader(n: string, v: string): void; removeHeader(n: string): void }, req: IncomingMessage) {
  const identity = String(req.headers['x-local-identity'] ?? 'admin')
  proxyReq.removeHeader('x-local-identity')
  proxyReq.setHeader('x-vtex-account', ACCOUNT)
  proxyReq.setHeader('x-vtex-workspace', WORKSPACE)
  proxyReq.setHeader('x-vtex-credential', APP_TOKEN)
  proxyReq.setHeader('cookie', `VtexIdclientAutCookie=${TOKENS_BY_IDENTITY[identity] ?? TOKENS_BY_IDENTITY.admin}`)
}

const graphqlProxy = {
  '/graphql': {
    target: GRAPHQL_URL.origin,
    changeOrigin: true,
    rewrite: () => GRAPHQL_URL.pathname + GRAPHQL_URL.search,
    configure: (proxy: { on(event: 'proxyReq', listener: typeof addIoHeaders): void }) => proxy.on('proxyReq', addIoHeaders),
  },
}

/** Only the page's own JSON POSTs reach the proxy, which adds the Admin's cookie. */
function sameOriginGraphql(): Plugin {
  const guard = pageProxyGuard('/graphql')
  return {
    name: 'order-tracking:same-origin-graphql',
    // Middlewares added here run before Vite's own, the proxy among them.
    configureServer: server => void server.middlewares.use(guard),
    configurePreviewServer: server => void server.middlewares.use(guard),
  }
}

/** .gql files as graphql-tag documents, as IO's react builder loads them. */
function graphqlTag(): Plugin {
  return {
    name: 'order-tracking:gql',
    transform(source, id) {
      if (!id.endsWith('.gql')) return null
      return { code: `import gql from 'graphql-tag'\nexport default gql(${JSON.stringify(source)})`, map: null }
    },
  }
}

const STYLEGUIDE_LIB = /[\\/]@vtex[\\/]styleguide[\\/]lib[\\/]/
const STYLEGUIDE_CSS_ID = '\0vtex-styleguide-css:'

/**
 * The styleguide `require`s its CSS, every file but `*.global.css` as a CSS module
 * (`require('./Input.css').default.input`). Each file becomes a JS module that injects its
 * styles and, for modules, exports the class names scoped to that file. Registered for the
 * dependency optimizer too, which bundles the styleguide in dev.
 */
function styleguideCss(): Plugin {
  const scopeSelector = (selector: string, suffix: string, classes: Record<string, string>) =>
    selector
      .split(/(:global\([^)]*\))/)
      .map((part, i) =>
        i % 2 === 1
          ? part.slice(':global('.length, -1)
          : part.replace(/\.(-?[_a-zA-Z][\w-]*)/g, (_, name: string) => {
              classes[name] = `${name}_${suffix}`
              return `.${classes[name]}`
            })
      )
      .join('')

  const inlineImports = (css: string, file: string) =>
    css.replace(/@import\s+url\(\s*['"]?~([^'")]+)['"]?\s*\);?/g, (_, request: string) =>
      readFileSync(createRequire(file).resolve(request), 'utf8')
    )

  return {
    name: 'order-tracking:styleguide-css',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.endsWith('.css') || !STYLEGUIDE_LIB.test(importer)) return null
      // Ends in .js so Vite's own CSS pipeline leaves it alone.
      return `${STYLEGUIDE_CSS_ID}${path.resolve(path.dirname(importer), source)}.js`
    },
    load(id) {
      if (!id.startsWith(STYLEGUIDE_CSS_ID)) return null
      const file = id.slice(STYLEGUIDE_CSS_ID.length, -'.js'.length)
      const css = inlineImports(readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, ''), file)
      const classes: Record<string, string> = {}
      const suffix = createHash('sha256').update(path.relative(REPO_ROOT, file)).digest('hex').slice(0, 6)
      // Selectors are what precedes a `{` (at-rules aside); declarations are left untouched.
      const output = file.endsWith('.global.css')
        ? css
        : css.replace(/([^{};]+)\{/g, (rule, prelude: string) =>
            prelude.trim().startsWith('@') ? rule : `${scopeSelector(prelude, suffix, classes)}{`
          )
      return [
        `const style = document.createElement('style')`,
        `style.textContent = ${JSON.stringify(output)}`,
        `document.head.appendChild(style)`,
        `export default ${JSON.stringify(classes)}`,
      ].join('\n')
    },
  }
}

/** The admin links to /admin/app/order-tracking without a trailing slash: serve it too. */
function baseWithoutSlash(): Plugin {
  const redirect = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const [pathname, search = ''] = (req.url ?? '').split(/(?=\?)/)
    if (pathname !== BASE.slice(0, -1)) return next()
    res.writeHead(302, { location: BASE + search }).end()
  }
  return {
    name: 'order-tracking:base-without-slash',
    configureServer: server => void server.middlewares.use(redirect),
    configurePreviewServer: server => void server.middlewares.use(redirect),
  }
}

export default defineConfig({
  root: path.join(REACT_DIR, 'local'),
  base: BASE,
  // The local shell links every order the sandbox seeds, read from the seed itself.
  define: {
    __DEMO_ORDERS__: JSON.stringify(DEMO_ORDERS.map(({ spec, description }) => ({ orderId: spec.orderId, description }))),
  },
  plugins: [sameOriginGraphql(), baseWithoutSlash(), styleguideCss(), graphqlTag(), react()],
  resolve: {
    alias: {
      'vtex.styleguide': '@vtex/styleguide',
      // IO's admin provides it; the local shell has a stand-in.
      'vtex.render-runtime': path.join(REACT_DIR, 'local', 'renderRuntime.tsx'),
    },
    // The styleguide and the local shell's Apollo packages are installed at the repository
    // root (local tooling), the page's own packages in react/node_modules: one copy of each.
    dedupe: ['react', 'react-dom', 'react-intl', 'react-apollo', 'graphql', 'apollo-client', 'apollo-cache', 'apollo-link', 'apollo-utilities'],
  },
  css: {
    // vtex-tachyons keeps old IE hacks (`*zoom`) that lightningcss refuses otherwise.
    lightningcss: { errorRecovery: true },
  },
  optimizeDeps: {
    include: ['graphql-tag'],
    rolldownOptions: { plugins: [styleguideCss()] },
  },
  server: {
    port: Number(process.env.PORT ?? 3000),
    strictPort: true,
    // The page imports domain/ and messages/, which live beside react/.
    fs: { allow: [REPO_ROOT] },
    proxy: graphqlProxy,
  },
  preview: {
    port: Number(process.env.PORT ?? 3000),
    strictPort: true,
    proxy: graphqlProxy,
  },
  build: {
    outDir: path.join(REACT_DIR, 'build'),
    emptyOutDir: true,
    // The styleguide is one large CommonJS bundle; splitting it buys nothing for a local demo.
    chunkSizeWarningLimit: 4096,
  },
})
