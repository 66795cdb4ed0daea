// The language preset descriptions are written in: the shoppers' (app settings; when the
// merchant has not set it, the service answers the store's default locale from the Tenant
// API), never the operator's. An English-speaking operator of a Brazilian store writes
// Portuguese onto the shopper's timeline. Until the settings are read there is no preset
// text (the form waits); if they cannot be read, the operator types the description.
import React, { createContext, useContext } from 'react'
import { useQuery } from 'react-apollo'

import { ShopperLanguage, TRACKING_STATUS_TEXTS, TrackingStatus, shopperLanguageOf } from '../domain'
import TRACKING_SETTINGS from '../graphql/trackingSettings.gql'

type PresetLanguage = { state: 'loading' } | { state: 'ready'; language: ShopperLanguage } | { state: 'unavailable' }

// Outside the provider nothing has read the settings: no language to write presets in.
const ShopperLanguageContext = createContext<PresetLanguage>({ state: 'unavailable' })

interface SettingsData {
  trackingSettings: { timeZone: string; shopperLanguage: string } | null
}

export const ShopperLanguageProvider: React.FC = ({ children }) => {
  const { data, loading } = useQuery<SettingsData>(TRACKING_SETTINGS, { errorPolicy: 'ignore' })
  const locale = data?.trackingSettings?.shopperLanguage
  const value: PresetLanguage = locale ? { state: 'ready', language: shopperLanguageOf(locale) } : loading ? { state: 'loading' } : { state: 'unavailable' }
  return <ShopperLanguageContext.Provider value={value}>{children}</ShopperLanguageContext.Provider>
}

export interface PresetDescriptions {
  /** loading: the settings are on their way; unavailable: they could not be read. */
  state: PresetLanguage['state']
  /** The preset text of a status in the shoppers' language; '' until (unless) it is known. */
  describe: (status: TrackingStatus) => string
}

export function usePresetDescriptions(): PresetDescriptions {
  const preset = useContext(ShopperLanguageContext)
  return {
    state: preset.state,
    describe: status => (preset.state === 'ready' ? TRACKING_STATUS_TEXTS[preset.language][status] : ''),
  }
}
