// The part of papaparse (5.x, which ships no typings) that the CSV imports use.
declare module 'papaparse' {
  export interface ParseError {
    type: 'Quotes' | 'Delimiter' | 'FieldMismatch'
    code: string
    message: string
    /** Index of the row within the chunk's data, before empty lines are dropped. */
    row?: number
  }

  export interface ParseResult<T> {
    data: T[]
    errors: ParseError[]
    meta: { delimiter: string; linebreak: string; aborted: boolean; cursor: number }
  }

  export interface Parser {
    pause(): void
    resume(): void
    abort(): void
  }

  export interface ParseConfig<T> {
    header?: boolean
    delimiter?: string
    skipEmptyLines?: boolean | 'greedy'
    /** Characters of input per chunk. */
    chunkSize?: number
    chunk?: (results: ParseResult<T>, parser: Parser) => void
    complete?: (results: ParseResult<T>) => void
    error?: (error: Error) => void
  }

  const Papa: {
    parse<T>(input: string, config: ParseConfig<T>): void
  }
  export default Papa
}
