// Where the browser comes from, on platforms this machine is not.
import { resolveChromium } from './support/chromium'

describe('given no CHROMIUM_PATH', () => {
  it('on a platform @sparticuz/chromium does not cover, it fails saying how to set CHROMIUM_PATH', async () => {
    await expect(resolveChromium({}, 'darwin', 'arm64')).rejects.toThrow(/Linux x64 only, not darwin arm64.*Set CHROMIUM_PATH/)
  })
})

describe('given CHROMIUM_PATH', () => {
  it('uses that binary and unpacks nothing', async () => {
    await expect(resolveChromium({ CHROMIUM_PATH: process.execPath }, 'darwin', 'arm64')).resolves.toEqual({
      executablePath: process.execPath,
      env: {},
    })
  })

  it('refuses a path that does not exist', async () => {
    await expect(resolveChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).rejects.toThrow(
      'CHROMIUM_PATH is /nonexistent/chromium, which does not exist.'
    )
  })
})
