// The Tenant API, as @vtex/api's TenantClient calls it: GET /api/tenant/tenants?q={account}
// on portal.vtexcommercestable.com.br (with `an`), answering the account's tenant with its
// default locale and currency and its bindings (TenantClient's `Tenant` type). The local
// store is Brazilian: pt-BR, BRL. The other demo account is Argentinian, so a test can tell
// the store's locale from the operator's and from the app's fallback.
import type { Handler } from '../reply'

const TENANTS: Record<string, { title: string; locale: string; currency: string }> = {
  localstore: { title: 'Local Store', locale: 'pt-BR', currency: 'BRL' },
  otherstore: { title: 'Other Store', locale: 'es-AR', currency: 'ARS' },
}

export const getTenant: Handler = ctx => {
  const account = ctx.parsed.query.q ?? ctx.account
  const tenant = TENANTS[account]
  if (!tenant) return { status: 404, body: { message: 'Tenant not found' } }
  return {
    status: 200,
    body: {
      id: `tenant-${account}`,
      slug: account,
      title: tenant.title,
      edition: 'vtex.edition-store@5.x',
      infra: 'aws-us-east-1',
      bindings: [
        {
          id: `binding-${account}`,
          canonicalBaseAddress: `${account}.example/`,
          alternateBaseAddresses: [],
          defaultLocale: tenant.locale,
          supportedLocales: [tenant.locale],
          defaultCurrency: tenant.currency,
          supportedCurrencies: [tenant.currency],
          extraContext: {},
          targetProduct: 'vtex-storefront',
        },
      ],
      defaultCurrency: tenant.currency,
      defaultLocale: tenant.locale,
      metadata: {},
    },
  }
}
