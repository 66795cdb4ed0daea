import React from 'react'

import { validateInvoiceTracking } from '../../domain'

interface Props {
  trackingNumber: string
  trackingUrl: string | null
}

// The domain owns the rule for which URLs may become a link (http(s) only, so no
// `javascript:` URL is ever clickable); asking it about the URL keeps one copy of that rule.
function linkableUrl(trackingNumber: string, trackingUrl: string | null): string | null {
  if (!trackingUrl) return null
  const checked = validateInvoiceTracking({ trackingNumber, trackingUrl }, Date.now())
  if (checked.ok) return checked.value.trackingUrl
  return checked.errors.some(e => e.field === 'input.trackingUrl') ? null : trackingUrl
}

/** The tracking number, linked to the carrier's page when that page is a web URL. */
const TrackingNumber: React.FC<Props> = ({ trackingNumber, trackingUrl }) => {
  const href = linkableUrl(trackingNumber, trackingUrl)
  if (!href) return <span>{trackingNumber}</span>
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="c-link">
      {trackingNumber}
    </a>
  )
}

export default TrackingNumber
