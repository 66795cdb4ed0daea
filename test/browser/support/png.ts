// Reads a PNG the way an image viewer would, with Node's zlib alone: the signature, every
// chunk's CRC, the header, and the image data inflated to exactly the size the header
// promises. A file that passes is a picture of that size, not a truncated or empty one.
import { inflateSync } from 'zlib'

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** Bytes per pixel of each 8-bit colour type (grey, RGB, palette, grey + alpha, RGBA). */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

export interface DecodedPng {
  width: number
  height: number
}

export function decodePng(file: Buffer): DecodedPng {
  if (!file.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG: wrong signature')
  let offset = 8
  let header: { width: number; height: number; bitDepth: number; colourType: number; interlace: number } | undefined
  const data: Buffer[] = []
  let ended = false
  while (offset < file.length && !ended) {
    const length = file.readUInt32BE(offset)
    const type = file.toString('latin1', offset + 4, offset + 8)
    const body = file.subarray(offset + 8, offset + 8 + length)
    if (body.length !== length) throw new Error(`PNG chunk ${type} is truncated`)
    if (crc32(file.subarray(offset + 4, offset + 8 + length)) !== file.readUInt32BE(offset + 8 + length)) {
      throw new Error(`PNG chunk ${type} fails its CRC`)
    }
    if (type === 'IHDR') {
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), bitDepth: body[8], colourType: body[9], interlace: body[12] }
    } else if (type === 'IDAT') {
      data.push(body)
    } else if (type === 'IEND') {
      ended = true
    }
    offset += 12 + length
  }
  if (!header) throw new Error('PNG has no IHDR')
  if (!ended) throw new Error('PNG has no IEND')
  const channels = CHANNELS[header.colourType]
  if (header.bitDepth !== 8 || channels === undefined || header.interlace !== 0) {
    throw new Error(`PNG layout not read here: bit depth ${header.bitDepth}, colour type ${header.colourType}, interlace ${header.interlace}`)
  }
  // Each row: one filter byte, then the row's pixels.
  const expected = header.height * (1 + header.width * channels)
  const pixels = inflateSync(Buffer.concat(data))
  if (pixels.length !== expected) throw new Error(`PNG data inflates to ${pixels.length} bytes, the header promises ${expected}`)
  return { width: header.width, height: header.height }
}
