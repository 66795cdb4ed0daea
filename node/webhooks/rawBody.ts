// The request body as bytes, up to a limit: the signature is over exactly these bytes, and a
// body over the limit is refused while it arrives (the rest is not read into memory).
import { IncomingMessage } from 'http'

export class BodyTooLarge extends Error {}

export function readRawBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume() // drain without keeping it
    return Promise.reject(new BodyTooLarge())
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    req.on('data', (chunk: Buffer) => {
      if (done) return
      size += chunk.length
      if (size > maxBytes) {
        done = true
        chunks.length = 0
        req.resume()
        reject(new BodyTooLarge())
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (!done) {
        done = true
        resolve(Buffer.concat(chunks))
      }
    })
    req.on('error', error => {
      if (!done) {
        done = true
        reject(error)
      }
    })
  })
}
