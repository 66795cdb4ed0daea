// The tracking index's Master Data v2 entity, declared by the masterdata builder
// (masterdata/invoices/schema.json) and reached through @vtex/clients' MasterData client,
// which names the entity and the schema after this app and its version.
import { masterDataFor } from '@vtex/clients'

import { TrackingIndexDocument } from '../trackingIndex/document'

export const TrackingIndexClient = masterDataFor<TrackingIndexDocument>('invoices')
