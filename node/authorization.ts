// The License Manager resource every root field requires: OMS > "OMS access" > Notify invoice.
// VTEX does not publish its product and resource keys; these are the values the schema's
// @auth directives carry (a test keeps them equal). A merchant checks them in their account
// as the README's "Permissions" section describes, and a mismatch shows as FORBIDDEN for
// every caller.
export const NOTIFY_INVOICE = {
  productCode: '2',
  resourceCode: 'NotifyInvoice',
  label: 'Notify invoice',
} as const
