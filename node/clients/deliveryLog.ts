// The webhook delivery log's Master Data v2 entity (masterdata/deliveries/schema.json), named
// as the masterdata builder names it (<vendor>_<app>_deliveries, schema <version>-<workspace>
// outside production). @vtex/clients' masterDataFor keeps one entity per process (a
// singleton: a second call re-points the first class), so this one wraps @vtex/api's
// MasterData client itself.
import { InstanceOptions, IOContext, MasterData, parseAppId } from '@vtex/api'

import { DeliveryDocument } from '../webhooks/deliveryLog'

const normalize = (name: string) => name.replace(/(\.)|-|:|@/gi, '_')

export class DeliveryLogClient extends MasterData {
  private readonly dataEntity: string
  private readonly schema: string

  constructor(ctx: IOContext, options?: InstanceOptions) {
    super(ctx, options)
    const app = parseAppId(process.env.VTEX_APP_ID ?? 'vtex.order-tracking@0.0.0')
    this.dataEntity = normalize(`${app.name}_deliveries`)
    this.schema = `${app.version}${ctx.production ? '' : `-${ctx.workspace}`}`
  }

  updateDelivery(id: string, fields: Omit<DeliveryDocument, 'id'>) {
    return this.updatePartialDocument({ dataEntity: this.dataEntity, id, fields, schema: this.schema })
  }

  deleteDelivery(id: string) {
    return this.deleteDocument({ dataEntity: this.dataEntity, id })
  }

  searchDeliveries(pagination: { page: number; pageSize: number }, fields: string[], sort: string | undefined, where: string | undefined) {
    return this.searchDocumentsWithPaginationInfo<DeliveryDocument>({
      dataEntity: this.dataEntity,
      pagination,
      fields,
      sort,
      where,
      schema: this.schema,
    })
  }
}
