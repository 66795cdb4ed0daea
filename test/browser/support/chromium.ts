// Which Chromium the browser tests drive. By default the one @sparticuz/chromium ships inside
// its npm package (Linux x64 only), unpacked once per version into the temporary folder, so a
// machine with only Node and npm runs them; CHROMIUM_PATH names another binary instead.
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'

/** Set by the browser project's globalSetup for the test workers: the binary, or why there is none. */
export const CHROMIUM_ENV = 'ORDER_TRACKING_CHROMIUM'
export const CHROMIUM_ERROR_ENV = 'ORDER_TRACKING_CHROMIUM_ERROR'

export interface BrowserBinary {
  executablePath: string
  /** Environment the binary needs (the packaged one brings its own fonts). */
  env: Record<string, string>
}

/** The package's version (its `exports` hide package.json, so it is found from its entry). */
function packageVersion(): string {
  for (let dir = path.dirname(require.resolve('@sparticuz/chromium')); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json')
    if (!existsSync(file)) continue
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version: string }
    if (manifest.name === '@sparticuz/chromium') return manifest.version
  }
  throw new Error('@sparticuz/chromium: package.json not found')
}

/** The fontconfig file of the packaged fonts: the package's own names /tmp/fonts, wherever it unpacked. */
function fontConfig(dir: string): string {
  const file = path.join(dir, 'fonts.conf')
  writeFileSync(
    file,
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
      '<fontconfig>',
      `  <dir>${path.join(dir, 'fonts', 'fonts')}</dir>`,
      `  <cachedir>${path.join(dir, 'fonts-cache')}</cachedir>`,
      '</fontconfig>',
      '',
    ].join('\n')
  )
  return file
}

/**
 * Unpacks the packaged Chromium into <tmp>/order-tracking-chromium-<version> unless it is
 * there already. It unpacks into a private folder first and renames it into place, so two
 * jest runs starting together never see a half-written binary.
 */
async function unpackPackagedChromium(): Promise<string> {
  const dir = path.join(tmpdir(), `order-tracking-chromium-${packageVersion()}`)
  const binary = path.join(dir, 'chromium')
  if (existsSync(binary)) return dir
  const staging = mkdtempSync(path.join(tmpdir(), 'order-tracking-chromium-unpacking-'))
  // The package unpacks into os.tmpdir(), which follows TMPDIR.
  const previousTmpdir = process.env.TMPDIR
  process.env.TMPDIR = staging
  try {
    const { default: chromium } = await import('@sparticuz/chromium')
    await chromium.executablePath()
  } finally {
    if (previousTmpdir === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previousTmpdir
  }
  try {
    renameSync(staging, dir)
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    if (!existsSync(binary)) throw error // not a rival's unpacking that won the rename
  }
  return dir
}

/** Finds (or unpacks) the browser, or explains why there is none. */
export async function resolveChromium(
  env: NodeJS.ProcessEnv = process.env,
  platform: string = process.platform,
  arch: string = process.arch
): Promise<BrowserBinary> {
  const override = env.CHROMIUM_PATH
  if (override) {
    if (!existsSync(override)) throw new Error(`CHROMIUM_PATH is ${override}, which does not exist.`)
    return { executablePath: override, env: {} }
  }
  if (platform !== 'linux' || arch !== 'x64') {
    throw new Error(
      `The browser tests bring Chromium from npm (@sparticuz/chromium), which has it for Linux x64 only, not ${platform} ${arch}. ` +
        'Set CHROMIUM_PATH to a Chromium or Chrome binary on this machine, e.g. ' +
        "CHROMIUM_PATH='/Applications/Google Chrome.app/Contents/MacOS/Google Chrome' npm test"
    )
  }
  const dir = await unpackPackagedChromium()
  return { executablePath: path.join(dir, 'chromium'), env: { FONTCONFIG_FILE: fontConfig(dir) } }
}
