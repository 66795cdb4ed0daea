import {
  AFTERSHIP_TAG_STATUS,
  jsonDepthExceeds,
  parseAfterShipWebhook,
  parseGenericWebhook,
} from '../webhooks'

const afterShip = (msg: Record<string, unknown>) => ({ event: 'tracking_update', msg })

describe('AfterShip webhooks', () => {
  test('tags map onto the vocabulary as the issue lists them', () => {
    expect(AFTERSHIP_TAG_STATUS).toMatchObject({
      InfoReceived: 'labelCreated',
      InTransit: 'inTransit',
      OutForDelivery: 'outForDelivery',
      AttemptFail: 'deliveryAttempted',
      AvailableForPickup: 'readyForPickup',
      Exception: 'exception',
      Expired: 'exception',
      Delivered: 'delivered',
    })
  })

  test('checkpoints become events that keep their offsets, with the tag as status', () => {
    const parsed = parseAfterShipWebhook(
      afterShip({
        tracking_number: 'BR123456789BR',
        slug: 'correios',
        tag: 'InTransit',
        order_id: '1172452900788-01',
        checkpoints: [
          { checkpoint_time: '2026-11-27T10:00:00-03:00', city: 'Curitiba', state: 'PR', message: 'Objeto postado', tag: 'InfoReceived' },
          { checkpoint_time: '2026-11-28T08:30:00-03:00', city: null, location: 'CTE Cajamar', message: 'Em trânsito', tag: 'InTransit' },
        ],
      })
    )
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.value.trackingNumber).toBe('BR123456789BR')
    expect(parsed.value.orderRefs).toEqual(['1172452900788-01'])
    expect(parsed.value.input).toEqual({
      isDelivered: false,
      deliveredDate: null,
      events: [
        { city: 'Curitiba', state: 'PR', description: 'Objeto postado', date: '2026-11-27T10:00:00-03:00', status: 'LABEL_CREATED' },
        { city: 'CTE Cajamar', state: '-', description: 'Em trânsito', date: '2026-11-28T08:30:00-03:00', status: 'IN_TRANSIT' },
      ],
    })
  })

  test('Delivered takes its date from the delivering checkpoint; a time without offset is skipped', () => {
    const parsed = parseAfterShipWebhook(
      afterShip({
        tracking_number: 'BR1',
        tag: 'Delivered',
        checkpoints: [
          { checkpoint_time: '2026-11-29T09:00:00', city: 'X', state: 'Y', message: 'no offset', tag: 'InTransit' },
          { checkpoint_time: '2026-11-29T14:05:00-03:00', city: 'Curitiba', state: 'PR', message: 'Entregue', tag: 'Delivered' },
        ],
      }),
      'pt'
    )
    expect(parsed.ok && parsed.value.input.isDelivered).toBe(true)
    expect(parsed.ok && parsed.value.input.deliveredDate).toBe('2026-11-29T14:05:00-03:00')
    expect(parsed.ok && parsed.value.skipped).toBe(1)
  })

  test('Delivered without a delivering checkpoint is not marked delivered', () => {
    const parsed = parseAfterShipWebhook(afterShip({ tracking_number: 'BR1', tag: 'Delivered', checkpoints: [] }))
    expect(parsed.ok && parsed.value.input.isDelivered).toBe(false)
  })

  test('a checkpoint without a message gets the preset in the shoppers\' language', () => {
    const parsed = parseAfterShipWebhook(
      afterShip({ tracking_number: 'BR1', checkpoints: [{ checkpoint_time: '2026-11-29T14:05:00Z', city: 'A', state: 'B', tag: 'OutForDelivery' }] }),
      'pt'
    )
    expect(parsed.ok && parsed.value.input.events[0].description).toBe('O pacote saiu para entrega hoje.')
  })

  test.each([
    [null],
    [[]],
    [{}],
    [{ msg: 'x' }],
    [{ msg: { tracking_number: '../x' } }],
    [{ msg: { tracking_number: 'BR1', checkpoints: {} } }],
  ])('refuses %j', body => {
    expect(parseAfterShipWebhook(body).ok).toBe(false)
  })
})

describe('generic webhooks', () => {
  test('by tracking number or by invoice', () => {
    const byNumber = parseGenericWebhook({ trackingNumber: 'TRK-1', isDelivered: false, events: [] })
    expect(byNumber.ok && byNumber.value.trackingNumber).toBe('TRK-1')
    const byInvoice = parseGenericWebhook({ orderId: 'o-1', invoiceNumber: '1', isDelivered: false, events: [] })
    expect(byInvoice.ok && [byInvoice.value.orderId, byInvoice.value.invoiceNumber]).toEqual(['o-1', '1'])
  })

  test.each([[{ isDelivered: false, events: [] }], [{ orderId: 'o-1', events: [] }], [{ trackingNumber: 'a b', events: [] }], [{ trackingNumber: 'T', events: {} }]])(
    'refuses %j',
    body => expect(parseGenericWebhook(body).ok).toBe(false)
  )
})

test('JSON depth is counted outside strings', () => {
  expect(jsonDepthExceeds('[[[]]]', 3)).toBe(false)
  expect(jsonDepthExceeds('[[[[]]]]', 3)).toBe(true)
  expect(jsonDepthExceeds('{"a":"[[[[[[\\"[["}', 1)).toBe(false)
  expect(jsonDepthExceeds('['.repeat(100000), 16)).toBe(true)
})
