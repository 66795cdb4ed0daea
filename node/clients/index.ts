import { IOClients } from '@vtex/api'

import { DeliveryLogClient } from './deliveryLog'
import { OrderTrackingOms } from './orderTrackingOms'
import { RebuildProgressClient } from './rebuildProgress'
import { TrackingIndexClient } from './trackingIndex'

export class Clients extends IOClients {
  public get oms() {
    return this.getOrSet('oms', OrderTrackingOms)
  }

  public get trackingIndex() {
    return this.getOrSet('trackingIndex', TrackingIndexClient)
  }

  public get deliveryLog() {
    return this.getOrSet('deliveryLog', DeliveryLogClient)
  }

  public get rebuildProgress() {
    return this.getOrSet('rebuildProgress', RebuildProgressClient)
  }
}
