// `npm run webhook:demo`: sends signed AfterShip-shaped webhooks for the sandbox's seeded
// tracking numbers to the running local Service (`npm start`), as AfterShip would, through
// the IO router's stand-in. Open the Admin afterwards: the events are on the orders, and the
// Integrations page lists the deliveries and the unmatched number.
import { createHmac } from 'crypto'

import { LOCAL_WEBHOOK_SECRET } from './oms-sandbox'
import { callPublicRoute } from './io-runtime/publicRoute'

export const AFTERSHIP_PATH = '/_v/order-tracking/webhooks/aftership'

/** A timestamp in São Paulo's offset, as a Brazilian carrier's checkpoint carries it. */
export function saoPauloTime(ms: number): string {
  return `${new Date(ms - 3 * 3_600_000).toISOString().slice(0, 19)}-03:00`
}

interface DemoShipment {
  trackingNumber: string
  orderId: string | null
  /** Checkpoints: hours ago, city, state, message, tag. */
  checkpoints: Array<[number, string, string, string, string]>
}

export const DEMO_SHIPMENTS: DemoShipment[] = [
  {
    trackingNumber: 'BR123456789BR',
    orderId: '1172452900788-01',
    checkpoints: [
      [50, 'Curitiba', 'PR', 'Objeto postado', 'InfoReceived'],
      [30, 'Curitiba', 'PR', 'Objeto em trânsito - por favor aguarde', 'InTransit'],
      [3, 'São Paulo', 'SP', 'Objeto saiu para entrega ao destinatário', 'OutForDelivery'],
    ],
  },
  {
    trackingNumber: 'BR987654321BR',
    orderId: '1172452900811-01',
    checkpoints: [
      [20, 'Belo Horizonte', 'MG', 'Objeto em trânsito - por favor aguarde', 'InTransit'],
      [2, 'Belo Horizonte', 'MG', 'Objeto entregue ao destinatário', 'Delivered'],
    ],
  },
  // No invoice has this number: it shows as unmatched.
  { trackingNumber: 'BR000000000XX', orderId: null, checkpoints: [[5, 'Recife', 'PE', 'Objeto postado', 'InfoReceived']] },
]

export function afterShipDemoBody(shipment: DemoShipment, now = Date.now()) {
  const checkpoints = shipment.checkpoints.map(([hoursAgo, city, state, message, tag]) => ({
    slug: 'correios',
    checkpoint_time: saoPauloTime(now - hoursAgo * 3_600_000),
    city,
    state,
    location: `${city}, ${state}`,
    country_iso3: 'BRA',
    message,
    tag,
    subtag: `${tag}_001`,
  }))
  const last = checkpoints[checkpoints.length - 1]
  return {
    event: 'tracking_update',
    event_id: `demo-${shipment.trackingNumber}-${checkpoints.length}`,
    msg: {
      id: `demo-${shipment.trackingNumber}`,
      tracking_number: shipment.trackingNumber,
      slug: 'correios',
      tag: last.tag,
      subtag: last.subtag,
      order_id: shipment.orderId,
      order_number: shipment.orderId,
      checkpoints,
    },
    ts: Math.floor(now / 1000),
  }
}

// Checkpoint times count back from the start of the current hour, so running the demo twice
// in an hour resends the same checkpoints (as AfterShip does) and adds nothing.
const thisHour = () => Math.floor(Date.now() / 3_600_000) * 3_600_000

export async function sendDemoWebhooks(serviceUrl: string, secret = LOCAL_WEBHOOK_SECRET, now = thisHour()) {
  const results: Array<{ trackingNumber: string; status: number; body: string }> = []
  for (const shipment of DEMO_SHIPMENTS) {
    const raw = JSON.stringify(afterShipDemoBody(shipment, now))
    const signature = createHmac('sha256', secret).update(raw).digest('base64')
    const response = await callPublicRoute(serviceUrl, AFTERSHIP_PATH, {
      headers: { 'content-type': 'application/json', 'aftership-hmac-sha256': signature },
      body: raw,
    })
    results.push({ trackingNumber: shipment.trackingNumber, status: response.status, body: await response.text() })
  }
  return results
}

if (require.main === module) {
  const serviceUrl = process.env.ORDER_TRACKING_SERVICE_URL ?? 'http://127.0.0.1:5050'
  sendDemoWebhooks(serviceUrl, process.env.WEBHOOK_SECRET ?? LOCAL_WEBHOOK_SECRET)
    .then(results => {
      for (const r of results) process.stdout.write(`${r.trackingNumber}: ${r.status} ${r.body}\n`)
      process.stdout.write(
        'Open http://localhost:3000/admin/app/order-tracking/1172452900788-01 for the events, and /admin/app/order-tracking/integrations for the deliveries.\n'
      )
    })
    .catch(error => {
      process.stderr.write(`webhook:demo: ${error instanceof Error ? error.message : error} (is \`npm start\` running?)\n`)
      process.exit(1)
    })
}
