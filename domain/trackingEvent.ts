// The tracking event as OMS takes it, and the identity rule that makes merges idempotent.
import { parseIsoInstant } from './dates'
import { comparableText } from './text'

export interface TrackingEvent {
  city: string
  state: string
  description: string
  /** ISO 8601: `yyyy-mm-dd` or a date-time with offset. */
  date: string
}

/**
 * Two events are the same event when they happened at the same instant, in the same place,
 * with the same description, as a person reads them (comparableText: NFC, no invisible
 * format characters, no-break spaces as spaces). Dates are compared as instants, so
 * `2024-05-01T12:00:00-03:00` and OMS's echo `2024-05-01T15:00:00.0000000+00:00` match.
 */
export function trackingEventKey(event: TrackingEvent): string {
  const instant = parseIsoInstant(event.date.trim())
  return JSON.stringify([
    instant === null ? event.date.trim() : instant,
    comparableText(event.city),
    comparableText(event.state),
    comparableText(event.description),
  ])
}

export function eventInstant(event: TrackingEvent): number {
  const instant = parseIsoInstant(event.date.trim())
  return instant === null ? Number.NaN : instant
}
