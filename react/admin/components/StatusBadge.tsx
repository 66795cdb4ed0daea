// A status as a small label (delivered, an exception, no tracking number, a CSV row's
// outcome). Not the styleguide's Tag: none of its types or variations reaches 4.5:1 for
// small text (white on its green is 2.09:1, its "low" warning text 2.32:1, its grey 2.88:1).
// These are the styleguide's tokens as its Alert pairs them: the faded background of the
// tone with the base text colour (over 9:1), the tone itself only on the border.
import React from 'react'

export type StatusTone = 'success' | 'danger' | 'warning' | 'neutral'

/** The tone's colours, for a label or a block: vtex-tachyons classes only. */
export const TONE_CLASSES: Record<StatusTone, string> = {
  success: 'bg-success--faded c-on-base b--success',
  danger: 'bg-danger--faded c-on-base b--danger',
  warning: 'bg-warning--faded c-on-base b--warning',
  neutral: 'bg-muted-5 c-on-base b--muted-3',
}

interface Props {
  tone: StatusTone
  size?: 'small' | 'regular'
}

const StatusBadge: React.FC<Props> = ({ tone, size = 'regular', children }) => (
  <span className={`order-tracking-status dib br-pill ba fw5 ph3 pv1 ${size === 'small' ? 't-mini' : 't-small'} ${TONE_CLASSES[tone]}`}>
    {children}
  </span>
)

export default StatusBadge
