// The rebuild's progress in Master Data v2 (masterdata/rebuilds/schema.json), so that every
// replica of the Service answers trackingIndexRebuild the same, not only the one running it.
import { InstanceOptions, IOContext } from '@vtex/api'

import { StoredRebuildProgress } from '../trackingIndex/rebuildProgressStore'
import { AppMasterDataEntity } from './appMasterDataEntity'

export class RebuildProgressClient extends AppMasterDataEntity {
  constructor(context: IOContext, options?: InstanceOptions) {
    super('rebuilds', context, options)
  }

  public read(id: string) {
    return this.getDocument<StoredRebuildProgress>({ dataEntity: this.dataEntity, id, fields: ['_all'] })
  }

  public write(id: string, fields: StoredRebuildProgress) {
    return this.updatePartialDocument({ dataEntity: this.dataEntity, id, fields, schema: this.schema })
  }
}
