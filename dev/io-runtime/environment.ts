// The environment the IO platform gives a node app, with the local stack's demo values.
// @vtex/api reads these when it is first loaded, so they are set before that.
import { readFileSync } from 'fs'
import { join } from 'path'

export const REPO_ROOT = join(__dirname, '..', '..')
export const LOCAL_ACCOUNT = 'localstore'
export const LOCAL_WORKSPACE = 'master'

export function appEnvironment(omsUrl: string): Record<string, string> {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'manifest.json'), 'utf8'))
  return {
    VTEX_APP_ID: `${manifest.vendor}.${manifest.name}@${manifest.version}`,
    VTEX_APP_VENDOR: manifest.vendor,
    VTEX_APP_NAME: manifest.name,
    VTEX_APP_VERSION: manifest.version,
    VTEX_REGION: 'local',
    VTEX_ACCOUNT: LOCAL_ACCOUNT,
    VTEX_WORKSPACE: LOCAL_WORKSPACE,
    // Every outbound call of the real HTTP stack goes to the OMS sandbox in proxy form.
    HTTP_PROXY: omsUrl,
    http_proxy: omsUrl,
    // Outside IO the runtime calls infra apps (the Apps client's settings) over https; axios
    // sends those to an http proxy in the same absolute form.
    HTTPS_PROXY: omsUrl,
    https_proxy: omsUrl,
    NO_PROXY: 'localhost,127.0.0.1',
    no_proxy: 'localhost,127.0.0.1',
  }
}
