import { IOClients } from '@vtex/api'

import { OrderTrackingOms } from './orderTrackingOms'

export class Clients extends IOClients {
  public get oms() {
    return this.getOrSet('oms', OrderTrackingOms)
  }
}
