// The status vocabulary's preset descriptions, in every language the app writes them in, and
// the way back from a text to its status.
//
// OMS stores an event as city, state, description and date: a status has no field of its
// own there. So the status an event was posted with survives OMS's round trip through its
// text: the page (and the API, when a caller sends only a status's preset) writes the preset
// in the shopper's language, and on read-back an event whose description is a preset of any
// language is recognized as that status. A description someone edited, or a carrier hub's
// own wording, is not guessed at: its status is null on read-back, and the tracking index
// keeps the status the app was told when it wrote the event (see README, "Statuses").
// messages/{en,pt,es}.json hold the same texts for the page; a test keeps them equal.
import { TRACKING_STATUSES, TrackingStatus } from './trackingStatusVocabulary'

export const SHOPPER_LANGUAGES = ['en', 'pt', 'es'] as const
export type ShopperLanguage = (typeof SHOPPER_LANGUAGES)[number]

export const TRACKING_STATUS_TEXTS: Record<ShopperLanguage, Record<TrackingStatus, string>> = {
  en: {
    labelCreated: 'Shipping label created; the carrier has not picked up the package yet.',
    pickedUp: 'The carrier picked up the package.',
    inTransit: 'The package is on its way.',
    outForDelivery: 'The package is out for delivery today.',
    deliveryAttempted: 'The carrier tried to deliver the package but could not.',
    readyForPickup: 'The package is ready to be picked up.',
    delayed: 'The delivery is delayed.',
    exception: 'There is a problem with the delivery. The carrier is working on it.',
    delivered: 'The package was delivered.',
  },
  pt: {
    labelCreated: 'Etiqueta de envio criada; aguardando coleta pela transportadora.',
    pickedUp: 'A transportadora coletou o pacote.',
    inTransit: 'O pacote está a caminho.',
    outForDelivery: 'O pacote saiu para entrega hoje.',
    deliveryAttempted: 'A transportadora tentou entregar o pacote, mas não conseguiu.',
    readyForPickup: 'O pacote está pronto para ser retirado.',
    delayed: 'A entrega está atrasada.',
    exception: 'Houve um problema com a entrega. A transportadora está resolvendo.',
    delivered: 'O pacote foi entregue.',
  },
  es: {
    labelCreated: 'Etiqueta de envío creada; a la espera de la recolección por el transportista.',
    pickedUp: 'El transportista recolectó el paquete.',
    inTransit: 'El paquete está en camino.',
    outForDelivery: 'El paquete salió a reparto hoy.',
    deliveryAttempted: 'El transportista intentó entregar el paquete, pero no pudo.',
    readyForPickup: 'El paquete está listo para ser retirado.',
    delayed: 'La entrega está demorada.',
    exception: 'Hubo un problema con la entrega. El transportista lo está resolviendo.',
    delivered: 'El paquete fue entregado.',
  },
}

/** `pt-BR` → `pt`; anything unknown → `en`. */
export function shopperLanguageOf(locale: string | null | undefined): ShopperLanguage {
  const language = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0]
  return (SHOPPER_LANGUAGES as readonly string[]).includes(language) ? (language as ShopperLanguage) : 'en'
}

// Case, repeated spaces and a final period do not make another text.
const normalized = (text: string) =>
  text.normalize('NFC').trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLowerCase()

const STATUS_BY_TEXT = new Map<string, TrackingStatus>()
for (const language of SHOPPER_LANGUAGES) {
  for (const status of TRACKING_STATUSES) STATUS_BY_TEXT.set(normalized(TRACKING_STATUS_TEXTS[language][status]), status)
}

/** The status whose preset text (in any language) this description is, or null. */
export function recognizeTrackingStatus(description: string): TrackingStatus | null {
  return STATUS_BY_TEXT.get(normalized(description)) ?? null
}

/** The API's enum values (graphql TrackingEventStatus) for the vocabulary's statuses. */
export const TRACKING_STATUS_CODES: Record<TrackingStatus, string> = {
  labelCreated: 'LABEL_CREATED',
  pickedUp: 'PICKED_UP',
  inTransit: 'IN_TRANSIT',
  outForDelivery: 'OUT_FOR_DELIVERY',
  deliveryAttempted: 'DELIVERY_ATTEMPTED',
  readyForPickup: 'READY_FOR_PICKUP',
  delayed: 'DELAYED',
  exception: 'EXCEPTION',
  delivered: 'DELIVERED',
}

export type TrackingStatusCode = string

export const statusCodeOf = (status: TrackingStatus): TrackingStatusCode => TRACKING_STATUS_CODES[status]

export function statusOfCode(code: unknown): TrackingStatus | null {
  for (const status of TRACKING_STATUSES) if (TRACKING_STATUS_CODES[status] === code) return status
  return null
}
