import '@testing-library/jest-dom'
import { configure } from '@testing-library/react'

// `npm test` runs these beside the service and browser tests on a shared machine: a first
// render of the whole page has taken over Testing Library's default 1 s to appear there.
configure({ asyncUtilTimeout: 5000 })

// jsdom has no matchMedia; the styleguide's Layout asks it for the screen size.
window.matchMedia = (query: string) =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }) as MediaQueryList

// The styleguide's modal scrolls the window when it opens, which jsdom does not implement.
window.scroll = () => undefined
