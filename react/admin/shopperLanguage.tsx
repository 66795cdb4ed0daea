// The language preset descriptions are written in: the shoppers' (app settings; when the
// merchant has not set it, the service answers the store's default locale from the Tenant
// API), not the operator's. An English-speaking operator of a Brazilian store writes
// Portuguese onto the shopper's timeline. Until the settings are read, the operator's locale
// stands in.
import React, { createContext, useContext } from 'react'
import { useQuery } from 'react-apollo'
import { useIntl } from 'react-intl'

import { ShopperLanguage, TRACKING_STATUS_TEXTS, TrackingStatus, shopperLanguageOf } from '../domain'
import TRACKING_SETTINGS from '../graphql/trackingSettings.gql'

const ShopperLanguageContext = createContext<ShopperLanguage | null>(null)

interface SettingsData {
  trackingSettings: { timeZone: string; shopperLanguage: string } | null
}

export const ShopperLanguageProvider: React.FC = ({ children }) => {
  const { data } = useQuery<SettingsData>(TRACKING_SETTINGS, { errorPolicy: 'ignore' })
  const locale = data?.trackingSettings?.shopperLanguage
  return (
    <ShopperLanguageContext.Provider value={locale ? shopperLanguageOf(locale) : null}>{children}</ShopperLanguageContext.Provider>
  )
}

/** The preset text of a status, in the shoppers' language. */
export function usePresetDescription(): (status: TrackingStatus) => string {
  const intl = useIntl()
  const fromSettings = useContext(ShopperLanguageContext)
  const language = fromSettings ?? shopperLanguageOf(intl.locale)
  return status => TRACKING_STATUS_TEXTS[language][status]
}
