// The webhook delivery log's Master Data v2 entity (masterdata/deliveries/schema.json).
import { InstanceOptions, IOContext } from '@vtex/api'

import { DeliveryDocument } from '../webhooks/deliveryLog'
import { AppMasterDataEntity } from './appMasterDataEntity'

export class DeliveryLogClient extends AppMasterDataEntity {
  constructor(context: IOContext, options?: InstanceOptions) {
    super('deliveries', context, options)
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
