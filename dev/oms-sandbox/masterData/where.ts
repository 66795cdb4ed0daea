// Master Data v2's `_where` language, the part VTEX documents (search endpoint): `field=value`,
// `<>`, `<`, `>`, `<=`, `>=`, `field between a AND b`, `field is null`, `field is not null`,
// AND / OR and parentheses. Values may be double-quoted (spaces inside). Parsed once into a
// tree the store answers from its indexes.

export type Comparison = '=' | '<>' | '<' | '>' | '<=' | '>='

export type Condition =
  | { kind: 'compare'; field: string; op: Comparison; value: string }
  | { kind: 'between'; field: string; from: string; to: string }
  | { kind: 'null'; field: string; negated: boolean }
  | { kind: 'and' | 'or'; items: Condition[] }

type Token = { t: 'word'; v: string; quoted: boolean } | { t: 'op'; v: Comparison } | { t: '(' | ')' }

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (/\s/.test(c)) {
      i++
    } else if (c === '(' || c === ')') {
      tokens.push({ t: c })
      i++
    } else if (c === '"') {
      const end = text.indexOf('"', i + 1)
      if (end < 0) throw new Error('unterminated quoted value')
      tokens.push({ t: 'word', v: text.slice(i + 1, end), quoted: true })
      i = end + 1
    } else if (c === '<' || c === '>' || c === '=') {
      const two = text.slice(i, i + 2)
      if (two === '<>' || two === '<=' || two === '>=') {
        tokens.push({ t: 'op', v: two as Comparison })
        i += 2
      } else {
        tokens.push({ t: 'op', v: c as Comparison })
        i++
      }
    } else {
      let j = i
      while (j < text.length && !/[\s()<>="]/.test(text[j])) j++
      tokens.push({ t: 'word', v: text.slice(i, j), quoted: false })
      i = j
    }
  }
  return tokens
}

export function parseWhere(text: string): Condition {
  const tokens = tokenize(text)
  let at = 0
  const peekWord = (word: string) => {
    const tok = tokens[at]
    return tok?.t === 'word' && !tok.quoted && tok.v.toLowerCase() === word
  }
  const word = (what: string): string => {
    const tok = tokens[at++]
    if (tok?.t !== 'word') throw new Error(`expected ${what}`)
    return tok.v
  }

  const primary = (): Condition => {
    if (tokens[at]?.t === '(') {
      at++
      const inner = or()
      if (tokens[at++]?.t !== ')') throw new Error('expected )')
      return inner
    }
    const field = word('a field name')
    if (!/^[A-Za-z_][\w.]*$/.test(field)) throw new Error(`invalid field name ${field}`)
    const op = tokens[at]
    if (op?.t === 'op') {
      at++
      return { kind: 'compare', field, op: op.v, value: word('a value') }
    }
    if (peekWord('between')) {
      at++
      const from = word('a value')
      if (!peekWord('and')) throw new Error('expected AND in between')
      at++
      return { kind: 'between', field, from, to: word('a value') }
    }
    if (peekWord('is')) {
      at++
      const negated = peekWord('not')
      if (negated) at++
      if (!peekWord('null')) throw new Error('expected null')
      at++
      return { kind: 'null', field, negated }
    }
    throw new Error(`expected a comparison after ${field}`)
  }
  const and = (): Condition => {
    const items = [primary()]
    while (peekWord('and')) {
      at++
      items.push(primary())
    }
    return items.length === 1 ? items[0] : { kind: 'and', items }
  }
  const or = (): Condition => {
    const items = [and()]
    while (peekWord('or')) {
      at++
      items.push(and())
    }
    return items.length === 1 ? items[0] : { kind: 'or', items }
  }
  const tree = or()
  if (at !== tokens.length) throw new Error('unexpected text after the condition')
  return tree
}

/** Every field a condition names. */
export function fieldsOf(condition: Condition): string[] {
  switch (condition.kind) {
    case 'and':
    case 'or':
      return condition.items.flatMap(fieldsOf)
    default:
      return [condition.field]
  }
}
