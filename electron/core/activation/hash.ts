import { createHash } from 'node:crypto'

const SHA256_HEX = /^[0-9a-f]{64}$/i

/** True when the value already is a SHA-256 digest in hex (any case), so it must not be hashed again. */
export function isSha256Hex(value: string): boolean {
  return SHA256_HEX.test(value)
}

/**
 * SHA-256, lowercase hex, of a value that has already been normalised for its platform. A value that
 * already is a 64-hex digest is returned lower-cased, never double-hashed. Empty stays empty.
 */
export function sha256Hex(normalised: string): string {
  if (normalised === '') return ''
  if (isSha256Hex(normalised)) return normalised.toLowerCase()
  return createHash('sha256').update(normalised, 'utf8').digest('hex')
}
