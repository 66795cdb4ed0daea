import en from '../../messages/en.json'
import es from '../../messages/es.json'
import pt from '../../messages/pt.json'
import {
  TRACKING_STATUSES,
  TRACKING_STATUS_TEXTS,
  recognizeTrackingStatus,
  shopperLanguageOf,
  statusCodeOf,
  statusOfCode,
} from '..'

describe('the status vocabulary in every language', () => {
  test.each([
    ['en', en],
    ['pt', pt],
    ['es', es],
  ] as const)('the page offers the same preset texts in %s as the service recognizes', (language, messages) => {
    for (const status of TRACKING_STATUSES) {
      expect((messages as Record<string, string>)[`admin/order-tracking.status.${status}.description`]).toBe(
        TRACKING_STATUS_TEXTS[language][status]
      )
    }
  })

  test('a preset text of any language is its status again, whatever its case, spacing or final period', () => {
    expect(recognizeTrackingStatus('A entrega está atrasada.')).toBe('delayed')
    expect(recognizeTrackingStatus('  the package was DELIVERED ')).toBe('delivered')
    expect(recognizeTrackingStatus('El  paquete está en camino')).toBe('inTransit')
    for (const language of ['en', 'pt', 'es'] as const) {
      for (const status of TRACKING_STATUSES) expect(recognizeTrackingStatus(TRACKING_STATUS_TEXTS[language][status])).toBe(status)
    }
  })

  test('other words are not guessed at', () => {
    expect(recognizeTrackingStatus('Objeto entregue ao destinatário')).toBeNull()
    expect(recognizeTrackingStatus('The package was delivered to a neighbour.')).toBeNull()
  })

  test('the API enum maps both ways', () => {
    for (const status of TRACKING_STATUSES) expect(statusOfCode(statusCodeOf(status))).toBe(status)
    expect(statusOfCode('LOST')).toBeNull()
  })

  test("a shopper's locale picks the language", () => {
    expect(shopperLanguageOf('pt-BR')).toBe('pt')
    expect(shopperLanguageOf('es_AR')).toBe('es')
    expect(shopperLanguageOf('fr-FR')).toBe('en')
    expect(shopperLanguageOf(undefined)).toBe('en')
  })
})
