import '@testing-library/jest-dom'

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
