// One curl for the local stack: the one `npm start` prints is the one the README shows.
import { readFileSync } from 'fs'
import path from 'path'

import { demoCurl } from '../demoCurl'

test('the README shows the curl `npm start` prints', () => {
  const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8')
  expect(readme).toContain(`\`\`\`sh\n${demoCurl()}\n`)
})

test('its event date carries a time and an offset, as the API requires', () => {
  expect(demoCurl()).toMatch(/"date":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d"/)
})
