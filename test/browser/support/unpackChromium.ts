// The browser project's globalSetup: finds or unpacks Chromium once for all its test files
// and hands the result to the workers through the environment. A failure is handed over too,
// so the browser tests fail with its reason and the other projects still run.
import { CHROMIUM_ENV, CHROMIUM_ERROR_ENV, resolveChromium } from './chromium'

export default async function unpackChromium(): Promise<void> {
  try {
    const binary = await resolveChromium()
    process.env[CHROMIUM_ENV] = JSON.stringify(binary)
  } catch (error) {
    process.env[CHROMIUM_ERROR_ENV] = error instanceof Error ? error.message : String(error)
  }
}
