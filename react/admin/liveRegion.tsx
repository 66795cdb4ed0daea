// One polite live region per page: what the last action did, said by screen readers in the
// page's language, while focus moves to where its result is (focusWhenShown). Components
// announce through useAnnounce() instead of holding live regions of their own, so nothing is
// said twice and whole cards are not read out on every re-render.
import React, { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react'

export const LIVE_REGION_ID = 'order-tracking-live-region'
/** How long a message stays before the next one replaces it. */
const HOLD_MS = 500

const AnnounceContext = createContext<(text: string) => void>(() => undefined)

export const LiveRegionProvider: React.FC = ({ children }) => {
  const [message, setMessage] = useState('')
  const timer = useRef<number | undefined>(undefined)
  const queue = useRef<string[]>([])
  const speaking = useRef(false)
  // One message at a time, each left in the region a while before the next: an import that
  // ends at once must not swallow its "started". Each is emptied first and filled a moment
  // later, as a region whose text does not change is not read again.
  const next = useCallback(() => {
    const text = queue.current.shift()
    speaking.current = text !== undefined
    if (text === undefined) return
    setMessage('')
    timer.current = window.setTimeout(() => {
      setMessage(text)
      timer.current = window.setTimeout(next, HOLD_MS)
    }, 50)
  }, [])
  const announce = useCallback(
    (text: string) => {
      queue.current.push(text)
      if (!speaking.current) next()
    },
    [next]
  )
  useEffect(() => () => window.clearTimeout(timer.current), [])
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div id={LIVE_REGION_ID} className="clip" role="status" aria-live="polite" aria-atomic="true">
        {message}
      </div>
    </AnnounceContext.Provider>
  )
}

export const useAnnounce = () => useContext(AnnounceContext)

/**
 * Moves focus to the element with `id` once it is on the page: after a write, the element may
 * only render on the next frames (the cache update re-renders, a dialog unmounts and its
 * focus handling runs). Gives up quietly after about half a second.
 */
export function focusWhenShown(id: string, attempts = 20): void {
  const attempt = (left: number) => {
    const element = document.getElementById(id)
    if (element) {
      element.focus()
      if (document.activeElement === element) return
    }
    if (left > 0) window.setTimeout(() => attempt(left - 1), 25)
  }
  window.setTimeout(() => attempt(attempts), 0)
}

/** The id of an invoice's card, where focus goes after a write to that invoice. */
export const invoiceCardId = (invoiceNumber: string) => `order-tracking-invoice-${invoiceNumber}`
