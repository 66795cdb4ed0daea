// The part of vtex.render-runtime this page uses: the URL's query and navigation, which the
// IO admin provides (react/local/renderRuntime.tsx stands in for it in the local shell).
declare module 'vtex.render-runtime' {
  export interface RenderRuntime {
    query: Record<string, string | undefined>
    /** Merges into the URL's query (undefined removes a key); a new history entry unless replace. */
    setQuery(query: Record<string, string | undefined>, options?: { merge?: boolean; replace?: boolean }): void
    navigate(options: { to: string; query?: string }): void
  }
  export function useRuntime(): RenderRuntime
}
