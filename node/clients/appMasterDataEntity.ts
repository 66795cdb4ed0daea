// One of this app's own Master Data v2 entities (masterdata/<entity>/schema.json), named as
// the masterdata builder names it: <vendor>.<app>_<entity> with . - : @ as _, and its schema
// <version>, plus -<workspace> outside production. @vtex/clients' masterDataFor does the same
// but keeps ONE entity per process (a module-wide singleton: a second call re-points the
// first class), so the entities after the index's extend this over @vtex/api's client.
import { InstanceOptions, IOContext, MasterData, parseAppId } from '@vtex/api'

export abstract class AppMasterDataEntity extends MasterData {
  protected readonly dataEntity: string
  protected readonly schema: string

  protected constructor(entity: string, context: IOContext, options?: InstanceOptions) {
    super(context, options)
    const app = parseAppId(process.env.VTEX_APP_ID ?? 'vtex.order-tracking@0.0.0')
    this.dataEntity = `${app.name}_${entity}`.replace(/[.\-:@]/g, '_')
    this.schema = `${app.version}${context.production ? '' : `-${context.workspace}`}`
  }
}
