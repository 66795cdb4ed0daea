// The rebuild's progress in Master Data v2 (masterdata/rebuilds/schema.json), so that every
// replica of the Service answers trackingIndexRebuild the same, not only the one running it.
//
// Not through @vtex/clients' masterDataFor, as the index is: it keeps ONE entity per process
// (a module-wide singleton; a second masterDataFor call redirects the first client's writes).
// So this names the entity and schema as the masterdata builder does and calls @vtex/api's
// Master Data client itself.
import { InstanceOptions, IOContext, MasterData, parseAppId } from '@vtex/api'

import { StoredRebuildProgress } from '../trackingIndex/rebuildProgressStore'

const ENTITY = 'rebuilds'

export class RebuildProgressClient extends MasterData {
  private readonly dataEntity: string
  private readonly schema: string

  constructor(context: IOContext, options?: InstanceOptions) {
    super(context, options)
    const app = parseAppId(process.env.VTEX_APP_ID as string)
    // <vendor>.<app>_<entity> with . - : @ as _, schema <version>[-<workspace> outside production].
    this.dataEntity = `${app.name}_${ENTITY}`.replace(/[.\-:@]/g, '_')
    this.schema = `${app.version}${context.production ? '' : `-${context.workspace}`}`
  }

  public read(id: string) {
    return this.getDocument<StoredRebuildProgress>({ dataEntity: this.dataEntity, id, fields: ['_all'] })
  }

  public write(id: string, fields: StoredRebuildProgress) {
    return this.updatePartialDocument({ dataEntity: this.dataEntity, id, fields, schema: this.schema })
  }
}
