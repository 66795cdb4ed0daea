// OMS's tracking PUT replaces the stored list (see README, "Replace or merge"). Merging
// here is what lets a caller add one event without wiping the history.
import { TrackingEvent, eventInstant, trackingEventKey } from './trackingEvent'

/** Drops exact duplicates (first one wins) and orders by instant, oldest first, stably. */
export function normalizeTrackingEvents(events: readonly TrackingEvent[]): TrackingEvent[] {
  const seen = new Set<string>()
  const unique: Array<{ event: TrackingEvent; at: number; index: number }> = []
  events.forEach((event, index) => {
    const key = trackingEventKey(event)
    if (seen.has(key)) return
    seen.add(key)
    unique.push({ event, at: eventInstant(event), index })
  })
  unique.sort((a, b) => {
    const byTime = (Number.isNaN(a.at) ? Infinity : a.at) - (Number.isNaN(b.at) ? Infinity : b.at)
    return byTime !== 0 ? byTime : a.index - b.index
  })
  return unique.map(u => u.event)
}

/** The full list to send: what OMS holds plus what is new, without duplicates. */
export function mergeTrackingEvents(
  current: readonly TrackingEvent[],
  incoming: readonly TrackingEvent[]
): TrackingEvent[] {
  return normalizeTrackingEvents([...current, ...incoming])
}

/** The events of `wanted` that `stored` lacks: what a concurrent writer may have dropped. */
export function missingTrackingEvents(
  stored: readonly TrackingEvent[],
  wanted: readonly TrackingEvent[]
): TrackingEvent[] {
  const have = new Set(stored.map(trackingEventKey))
  return wanted.filter(event => !have.has(trackingEventKey(event)))
}
