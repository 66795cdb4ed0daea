// The page's main landmark. The VTEX Admin (v3 and v4) shows an app's /admin/app/... route
// in an iframe: the page is a document of its own, and the Admin's header and navigation are
// outside it, in the Admin's document. So the page owns one <main> and no banner or
// navigation landmark; the styleguide's Layout renders only <div>s, so nothing doubles it.
import React from 'react'

/** The page component inside the document's <main>. */
export function inPageMain<P>(Page: React.ComponentType<P>): React.FC<P> {
  const InPageMain: React.FC<P> = props => (
    <main>
      <Page {...props} />
    </main>
  )
  return InPageMain
}
