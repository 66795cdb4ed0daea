// A stand-in for vtex.render-runtime's useRuntime() in the local shell and the page's unit
// tests: the query of window.location, setQuery through the History API, and navigate.
// Components re-render when the URL changes (setQuery, navigate, back and forward).
import { useEffect, useState } from 'react'

const CHANGE = 'order-tracking:location'
// IO admin paths this local server serves at another address (react/local/main.tsx).
const LOCAL_PATHS: Record<string, string> = {
  '/admin/app/order-tracking-integrations': '/admin/app/order-tracking/integrations',
}

const currentQuery = () => {
  const query: Record<string, string> = {}
  new URLSearchParams(window.location.search).forEach((value, key) => (query[key] = value))
  return query
}

function go(url: string, replace: boolean) {
  if (replace) window.history.replaceState(null, '', url)
  else window.history.pushState(null, '', url)
  window.dispatchEvent(new Event(CHANGE))
}

export function useLocationChange(): string {
  const [href, setHref] = useState(window.location.href)
  useEffect(() => {
    const update = () => setHref(window.location.href)
    window.addEventListener(CHANGE, update)
    window.addEventListener('popstate', update)
    return () => {
      window.removeEventListener(CHANGE, update)
      window.removeEventListener('popstate', update)
    }
  }, [])
  return href
}

export function useRuntime() {
  useLocationChange()
  return {
    query: currentQuery() as Record<string, string | undefined>,
    setQuery(next: Record<string, string | undefined>, options: { merge?: boolean; replace?: boolean } = {}) {
      const merged: Record<string, string | undefined> = options.merge === false ? { ...next } : { ...currentQuery(), ...next }
      const params = new URLSearchParams()
      for (const [key, value] of Object.entries(merged)) if (value !== undefined && value !== '') params.set(key, value)
      const search = params.toString()
      go(`${window.location.pathname}${search ? `?${search}` : ''}`, options.replace === true)
    },
    navigate({ to, query }: { to: string; query?: string }) {
      go(`${LOCAL_PATHS[to] ?? to}${query ? `?${query}` : ''}`, false)
    },
  }
}
