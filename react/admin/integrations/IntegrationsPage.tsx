// Integrations: the webhook routes of this account (the URL to paste into AfterShip or a
// carrier's system), whether each has a secret, setting or rotating it, the latest
// deliveries and the tracking numbers no invoice matched. Secrets are sent, never shown.
import React, { useState } from 'react'
import { useMutation, useQuery } from 'react-apollo'
import { useIntl } from 'react-intl'
import { Alert, Button, Input, Layout, PageBlock, PageHeader, Spinner } from 'vtex.styleguide'

import REPLAY_UNMATCHED from '../../graphql/replayUnmatchedWebhooks.gql'
import SET_WEBHOOK_SECRET from '../../graphql/setWebhookSecret.gql'
import WEBHOOK_INTEGRATIONS from '../../graphql/webhookIntegrations.gql'
import { inPageMain } from '../components/PageMain'
import StatusBadge from '../components/StatusBadge'

interface Route {
  source: 'AFTERSHIP' | 'GENERIC'
  url: string
  secretSet: boolean
  previousSecretUntil: string | null
}

interface Delivery {
  receivedAt: string
  source: string
  trackingNumber: string | null
  orderId: string | null
  invoiceNumber: string | null
  outcome: string
  eventsAdded: number
}

interface Data {
  webhookIntegrations: { routes: Route[]; deliveries: Delivery[]; unmatchedTrackingNumbers: string[] }
}

const MIN_SECRET = 16

const SOURCE_IDS: Record<string, string> = {
  AFTERSHIP: 'admin/order-tracking.integrations.source.AFTERSHIP',
  GENERIC: 'admin/order-tracking.integrations.source.GENERIC',
}

const OUTCOME_IDS: Record<string, string> = {
  WRITTEN: 'admin/order-tracking.integrations.outcome.WRITTEN',
  UNCHANGED: 'admin/order-tracking.integrations.outcome.UNCHANGED',
  UNMATCHED: 'admin/order-tracking.integrations.outcome.UNMATCHED',
  REFUSED: 'admin/order-tracking.integrations.outcome.REFUSED',
  FAILED: 'admin/order-tracking.integrations.outcome.FAILED',
  REPLAYED: 'admin/order-tracking.integrations.outcome.REPLAYED',
}

interface ReplayResult {
  replayed: number
  eventsAdded: number
  stillUnmatched: number
}

/** One unmatched number: replay its kept webhooks once the number is on the right invoice. */
const UnmatchedNumber: React.FC<{ trackingNumber: string; onReplayed: () => void }> = ({ trackingNumber, onReplayed }) => {
  const intl = useIntl()
  const [replay, { loading }] = useMutation<{ replayUnmatchedWebhooks: ReplayResult | null }>(REPLAY_UNMATCHED)
  const [outcome, setOutcome] = useState<string | null>(null)
  const run = async () => {
    setOutcome(null)
    try {
      const { data } = await replay({ variables: { trackingNumber } })
      const result = data?.replayUnmatchedWebhooks
      if (!result) throw new Error('no result')
      setOutcome(
        result.stillUnmatched > 0
          ? intl.formatMessage({ id: 'admin/order-tracking.integrations.replay.stillUnmatched' })
          : intl.formatMessage({ id: 'admin/order-tracking.integrations.replay.done' }, { count: result.eventsAdded })
      )
      if (result.replayed > 0) onReplayed()
    } catch {
      setOutcome(intl.formatMessage({ id: 'admin/order-tracking.integrations.replay.failed' }))
    }
  }
  return (
    <li className="flex items-center mb2">
      <code className="mr3">{trackingNumber}</code>
      <Button size="small" variation="secondary" onClick={run} isLoading={loading}>
        {intl.formatMessage({ id: 'admin/order-tracking.integrations.replay' }, { trackingNumber })}
      </Button>
      <span className="ml3 t-small" role="status">
        {outcome}
      </span>
    </li>
  )
}

const SecretForm: React.FC<{ route: Route; onSaved: () => void }> = ({ route, onSaved }) => {
  const intl = useIntl()
  const [secret, setSecret] = useState('')
  const [failed, setFailed] = useState(false)
  const [save, { loading }] = useMutation(SET_WEBHOOK_SECRET)
  const tooShort = secret.length > 0 && secret.length < MIN_SECRET
  const submit = async () => {
    setFailed(false)
    try {
      await save({ variables: { source: route.source, secret, keepPreviousHours: 24 } })
      setSecret('')
      onSaved()
    } catch {
      setFailed(true)
    }
  }
  return (
    <div className="flex items-end mt3">
      <div className="flex-auto mr3">
        <Input
          type="password"
          autoComplete="new-password"
          label={intl.formatMessage({ id: route.secretSet ? 'admin/order-tracking.integrations.rotate' : 'admin/order-tracking.integrations.set' })}
          value={secret}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setSecret(e.target.value)}
          errorMessage={tooShort ? intl.formatMessage({ id: 'admin/order-tracking.integrations.secretTooShort' }, { min: MIN_SECRET }) : undefined}
        />
      </div>
      <Button size="small" onClick={submit} isLoading={loading} disabled={secret.length < MIN_SECRET}>
        {intl.formatMessage({ id: 'admin/order-tracking.integrations.save' })}
      </Button>
      {failed && (
        <div className="ml3">
          <Alert type="error">{intl.formatMessage({ id: 'admin/order-tracking.integrations.saveFailed' })}</Alert>
        </div>
      )}
    </div>
  )
}

const IntegrationsPage: React.FC = () => {
  const intl = useIntl()
  const { data, loading, error, refetch } = useQuery<Data>(WEBHOOK_INTEGRATIONS, { fetchPolicy: 'network-only' })
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values)
  const when = (iso: string) => intl.formatDate(iso, { dateStyle: 'short', timeStyle: 'short' } as Intl.DateTimeFormatOptions)

  return (
    <Layout
      pageHeader={
        <PageHeader
          title={
            <span role="heading" aria-level={1}>
              {t('admin/order-tracking.integrations.title')}
            </span>
          }
          subtitle={<span className="c-on-base">{t('admin/order-tracking.integrations.subtitle')}</span>}
        />
      }
    >
      {loading && <Spinner />}
      {error && <Alert type="error">{t('admin/order-tracking.integrations.loadFailed')}</Alert>}
      {data && (
        <>
          <PageBlock title={t('admin/order-tracking.integrations.routes')} variation="full">
            {data.webhookIntegrations.routes.map(route => (
              <div key={route.source} className="mb5" data-testid={`route-${route.source}`}>
                <div className="flex items-center">
                  <h3 className="t-heading-5 mv0 mr3">{t(SOURCE_IDS[route.source] ?? SOURCE_IDS.GENERIC)}</h3>
                  <StatusBadge tone={route.secretSet ? 'success' : 'danger'}>{t(route.secretSet ? 'admin/order-tracking.integrations.secretSet' : 'admin/order-tracking.integrations.secretMissing')}</StatusBadge>
                </div>
                <code className="db mt2 t-small break-all">{route.url}</code>
                {route.previousSecretUntil && <p className="t-small c-muted-1">{t('admin/order-tracking.integrations.previousUntil', { date: when(route.previousSecretUntil) })}</p>}
                <SecretForm route={route} onSaved={() => refetch()} />
              </div>
            ))}
          </PageBlock>
          <PageBlock title={t('admin/order-tracking.integrations.unmatched')} variation="full">
            {data.webhookIntegrations.unmatchedTrackingNumbers.length === 0 ? (
              <p className="c-muted-1">{t('admin/order-tracking.integrations.noUnmatched')}</p>
            ) : (
              <>
                <p className="t-small c-muted-1">{t('admin/order-tracking.integrations.unmatchedHelp')}</p>
                <ul data-testid="unmatched">
                  {data.webhookIntegrations.unmatchedTrackingNumbers.map(n => (
                    <UnmatchedNumber key={n} trackingNumber={n} onReplayed={() => refetch()} />
                  ))}
                </ul>
              </>
            )}
          </PageBlock>
          <PageBlock title={t('admin/order-tracking.integrations.deliveries')} variation="full">
            {data.webhookIntegrations.deliveries.length === 0 ? (
              <p className="c-muted-1">{t('admin/order-tracking.integrations.noDeliveries')}</p>
            ) : (
              // Focusable and named, so a keyboard can scroll it sideways on a phone.
              <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t('admin/order-tracking.integrations.deliveries')}>
                <table className="w-100 t-small" data-testid="deliveries">
                  <thead>
                    <tr className="tl">
                      <th>{t('admin/order-tracking.integrations.column.receivedAt')}</th>
                      <th>{t('admin/order-tracking.integrations.column.source')}</th>
                      <th>{t('admin/order-tracking.integrations.column.trackingNumber')}</th>
                      <th>{t('admin/order-tracking.integrations.column.invoice')}</th>
                      <th>{t('admin/order-tracking.integrations.column.outcome')}</th>
                      <th>{t('admin/order-tracking.integrations.column.eventsAdded')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.webhookIntegrations.deliveries.map((d, i) => (
                      <tr key={i}>
                        <td>{when(d.receivedAt)}</td>
                        <td>{t(SOURCE_IDS[d.source] ?? SOURCE_IDS.GENERIC)}</td>
                        <td>{d.trackingNumber ?? ''}</td>
                        <td>{d.orderId ? `${d.orderId} / ${d.invoiceNumber}` : ''}</td>
                        <td>{t(OUTCOME_IDS[d.outcome] ?? OUTCOME_IDS.FAILED)}</td>
                        <td>{d.eventsAdded}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </PageBlock>
        </>
      )}
    </Layout>
  )
}

export default inPageMain(IntegrationsPage)
