// The admin page in a real browser against the whole local stack: the OMS sandbox and the
// real @vtex/api worker (in this jest process, see ../../support/serviceStack), the page
// built once by Vite and served by `vite preview` (a child process whose /graphql proxy adds
// the headers the IO router would), and Chromium (./chromium: npm's, or CHROMIUM_PATH) driven
// by playwright-core.
//
// Why build + preview and not the dev server: measured here, a page load took ~3.7 s on the
// dev server (hundreds of unbundled modules) against ~1.5-2 s for the build, which itself
// takes ~5 s once; the build also cannot re-optimize dependencies and reload the page in the
// middle of a test, and it writes only to its own temporary folder, so it does not touch
// react/build or react/node_modules/.vite that people's own dev servers use.
import { ChildProcess, spawn } from 'child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'fs'
import { Server, createServer as createHttpServer } from 'http'
import { createServer } from 'net'
import { tmpdir } from 'os'
import path from 'path'
import { Browser, BrowserContext, Page, chromium } from 'playwright-core'

import { ServiceStack, startServiceStack } from '../../support/serviceStack'
import { BrowserBinary, CHROMIUM_ENV, CHROMIUM_ERROR_ENV } from './chromium'

const REPO_ROOT = path.resolve(__dirname, '../../..')
const REACT_DIR = path.join(REPO_ROOT, 'react')
const VITE_BIN = path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js')
const ARTIFACTS_DIR = path.join(REPO_ROOT, 'artifacts', 'browser')
const BASE_PATH = '/admin/app/order-tracking/'

/**
 * Chosen for a test machine, whichever binary: without the networking ones Chromium keeps
 * calling Google services, which on a closed network means a flood of refused connections.
 * Not @sparticuz/chromium's own `args`: those are for AWS Lambda (--single-process,
 * --no-zygote, --disable-web-security...), and a test should see the same-origin rules and
 * process model a merchant's browser has.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Not in the notes: without it Chromium asks content-autofill.googleapis.com about every
  // form the page shows (about 50 attempts in one run of these tests, seen by the guard below).
  '--disable-features=AutofillServerCommunication',
]

/** Pages run in São Paulo's zone so the dates typed and shown are the same on every machine. */
export const TIME_ZONE = 'America/Sao_Paulo'

export interface PageOptions {
  /** ?locale= of the local shell: en-US (default), pt-BR or es-AR. */
  locale?: 'en-US' | 'pt-BR' | 'es-AR'
  /** Sign in as the demo user who lacks "Notify invoice". */
  as?: 'viewer'
  /** Open /admin/app/order-tracking/{orderId}, as the Admin's links do. */
  orderId?: string
  /** Open the Integrations page (the local shell's stand-in address) instead of the landing. */
  integrations?: boolean
  /** The window's size in CSS pixels; default 1280 × 900 (a phone: 390 × 844). */
  viewport?: { width: number; height: number }
}

export interface PageStack {
  stack: ServiceStack
  /** The page's address, ending in /admin/app/order-tracking/. */
  pageUrl: string
  browser: Browser
  /** A page in a fresh browser context (own cookies and storage), already loaded and rendered. */
  newPage(options?: PageOptions): Promise<Page>
  /** Saves a full-page PNG as artifacts/browser/{name}.png and returns its path. */
  screenshot(page: Page, name: string): Promise<string>
  /**
   * Requests Chromium itself tried to send outside this machine (update checks, Google
   * accounts), kept by a local proxy that refuses them all: a handful is normal even with
   * CHROMIUM_ARGS; a flood would show here.
   */
  browserEgress(): string[]
  /**
   * What went wrong in the pages since the last call, that no step asked for: uncaught
   * errors, console errors (React's warnings among them), and requests for anything but the
   * page's own server (refused). Returns them and starts a new list.
   */
  takeProblems(): string[]
  close(): Promise<void>
}

/** The browser the globalSetup (./unpackChromium) found, or its reason for finding none. */
function chromiumBinary(): BrowserBinary {
  const found = process.env[CHROMIUM_ENV]
  if (found) return JSON.parse(found) as BrowserBinary
  throw new Error(process.env[CHROMIUM_ERROR_ENV] ?? 'No Chromium: run the browser tests through the root jest config, whose globalSetup finds it.')
}

/** A port nobody listens on right now, chosen by the OS. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const address = server.address()
  await new Promise<void>(resolve => server.close(() => resolve()))
  if (!address || typeof address === 'string') throw new Error('could not pick a free port')
  return address.port
}

interface Child {
  process: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

function run(args: string[], env: NodeJS.ProcessEnv): Child {
  // Its own process group, so close() ends Vite and anything it started in one signal.
  const child = spawn(process.execPath, [VITE_BIN, ...args], {
    cwd: REACT_DIR,
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', chunk => (output += chunk))
  child.stderr!.on('data', chunk => (output += chunk))
  const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)))
  return { process: child, output: () => output, exited }
}

async function buildPage(outDir: string): Promise<void> {
  // React's development build, on purpose: its warnings (a state update after unmount, a
  // missing key...) reach the console as errors, and takeProblems() reports them.
  const build = run(['build', '--outDir', outDir, '--logLevel', 'warn'], { NODE_ENV: 'development' })
  const code = await build.exited
  if (code !== 0) throw new Error(`vite build failed (exit ${code}):\n${build.output().slice(-4000)}`)
}

async function waitForPage(url: string, server: Child, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let exitCode: number | null | undefined
  void server.exited.then(code => (exitCode = code ?? -1))
  for (;;) {
    if (exitCode !== undefined) throw new Error(`vite preview exited (${exitCode}):\n${server.output().slice(-4000)}`)
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`vite preview did not answer ${url} in ${timeoutMs} ms:\n${server.output()}`)
    await new Promise(resolve => setTimeout(resolve, 100))
  }
}

async function stop(child: Child | undefined): Promise<void> {
  if (!child || child.process.exitCode !== null || child.process.signalCode !== null) return
  try {
    process.kill(-child.process.pid!, 'SIGTERM')
  } catch {
    return // already gone
  }
  const killed = await Promise.race([child.exited.then(() => true), new Promise(r => setTimeout(() => r(false), 5000))])
  if (!killed) {
    try {
      process.kill(-child.process.pid!, 'SIGKILL')
    } catch {
      // gone meanwhile
    }
  }
}

/**
 * Chromium's own proxy: everything not for loopback (which Chromium never proxies) ends here
 * and is refused, so the browser cannot reach out, and what it tried is recorded. Without it
 * Chromium would take this jest process's HTTP_PROXY (the OMS sandbox, set by the service
 * stack) and its update checks would land in the sandbox's journal.
 */
async function startEgressGuard(): Promise<{ server: Server; url: string; attempts: string[] }> {
  const attempts: string[] = []
  const server = createHttpServer((req, res) => {
    attempts.push(`${req.method} ${req.headers.host ?? ''}`)
    res.writeHead(403).end()
  })
  server.on('connect', (req, socket) => {
    attempts.push(`CONNECT ${req.url}`)
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('egress guard did not listen')
  return { server, url: `http://127.0.0.1:${address.port}`, attempts }
}

function withoutProxySettings(env: NodeJS.ProcessEnv): Record<string, string> {
  const clean: Record<string, string> = {}
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && !/^(https?_proxy|all_proxy|no_proxy)$/i.test(key)) clean[key] = value
  }
  return clean
}

export async function startPageStack(): Promise<PageStack> {
  const binary = chromiumBinary()
  const outDir = mkdtempSync(path.join(tmpdir(), 'order-tracking-page-'))
  let stack: ServiceStack | undefined
  let server: Child | undefined
  let browser: Browser | undefined
  let guard: Awaited<ReturnType<typeof startEgressGuard>> | undefined
  const contexts: BrowserContext[] = []
  const problems: string[] = []

  const close = async () => {
    await Promise.all(contexts.map(context => context.close().catch(() => undefined)))
    await browser?.close().catch(() => undefined)
    await stop(server)
    guard?.server.closeAllConnections()
    await new Promise(resolve => (guard ? guard.server.close(resolve) : resolve(undefined)))
    await stack?.close()
    rmSync(outDir, { recursive: true, force: true })
  }

  try {
    // The build does not need the stack, so both start together.
    const [startedStack] = await Promise.all([startServiceStack(), buildPage(outDir)])
    stack = startedStack
    const port = await freePort()
    const origin = `http://127.0.0.1:${port}`
    const pageUrl = `${origin}${BASE_PATH}`
    server = run(['preview', '--outDir', outDir, '--host', '127.0.0.1', '--strictPort'], {
      PORT: String(port),
      ORDER_TRACKING_GRAPHQL_URL: stack.graphqlUrl,
    })
    guard = await startEgressGuard()
    const egress = guard.attempts
    ;[browser] = await Promise.all([
      chromium.launch({
        executablePath: binary.executablePath,
        args: [...CHROMIUM_ARGS, `--proxy-server=${guard.url}`],
        env: { ...withoutProxySettings(process.env), ...binary.env },
        headless: true,
      }),
      waitForPage(pageUrl, server, 30_000),
    ])
    mkdirSync(ARTIFACTS_DIR, { recursive: true })

    const openedBrowser = browser
    const newPage = async (options: PageOptions = {}): Promise<Page> => {
      const context = await openedBrowser.newContext({
        timezoneId: TIME_ZONE,
        locale: 'en-US',
        viewport: options.viewport ?? { width: 1280, height: 900 },
      })
      contexts.push(context)
      context.setDefaultTimeout(15_000)
      // The page may only talk to its own server (which proxies /graphql): anything else is
      // refused and reported, so a stray call to the internet shows up as a failure.
      await context.route(
        url => url.origin !== origin,
        route => {
          problems.push(`request outside the page's server: ${route.request().url()}`)
          return route.abort('blockedbyclient')
        }
      )
      const page = await context.newPage()
      page.on('pageerror', error => problems.push(`uncaught error on ${page.url()}: ${error.message}`))
      page.on('console', message => {
        if (message.type() !== 'error') return
        // The local shell has no favicon; Chromium asks for one anyway.
        if (/favicon/.test(message.location().url)) return
        problems.push(`console error on ${page.url()}: ${message.text()}`)
      })
      const query = new URLSearchParams()
      if (options.locale) query.set('locale', options.locale)
      if (options.as) query.set('as', options.as)
      const search = query.toString() ? `?${query}` : ''
      const route = options.integrations ? 'integrations' : options.orderId ? `${encodeURIComponent(options.orderId)}` : ''
      await page.goto(`${pageUrl}${route}${search}`)
      // Rendered: the order search form is on every state of the page; the Integrations
      // page has its level-1 heading.
      if (options.integrations) await page.getByRole('heading', { level: 1 }).waitFor()
      else await page.getByRole('search').waitFor()
      return page
    }

    return {
      stack,
      pageUrl,
      browser,
      newPage,
      async screenshot(page, name) {
        const file = path.join(ARTIFACTS_DIR, `${name}.png`)
        await page.screenshot({ path: file, fullPage: true })
        return file
      },
      browserEgress: () => [...egress],
      takeProblems: () => problems.splice(0, problems.length),
      close,
    }
  } catch (error) {
    await close().catch(() => undefined)
    throw error
  }
}

/**
 * One page stack for a test file: started before its tests and closed after them (failing
 * if Chromium kept trying to reach out); before each test the sandbox is reseeded with an
 * empty journal, and after each the page must have had no error, console error or request
 * leaving its own server.
 */
export function usePageStack(): PageStack {
  let pages: PageStack | undefined
  beforeAll(async () => {
    pages = await startPageStack()
  }, 90_000)
  afterAll(async () => {
    // Chromium's own calls home, refused locally: a few are normal, a flood is not.
    const egress = pages?.browserEgress() ?? []
    await pages?.close()
    if (egress.length >= 20) throw new Error(`Chromium tried to reach out ${egress.length} times:\n${egress.join('\n')}`)
  }, 30_000)
  // When the stack could not start, every test already fails with beforeAll's reason.
  beforeEach(() => {
    if (!pages) return
    pages.stack.sandbox.reset()
    pages.stack.sandbox.clearJournal()
  })
  afterEach(() => {
    if (pages) expect(pages.takeProblems()).toEqual([])
  })
  const current = () => {
    if (!pages) throw new Error('the page stack did not start')
    return pages
  }
  // Stands for the stack from the first test on.
  return new Proxy({} as PageStack, { get: (_target, name) => Reflect.get(current(), name) })
}
