import { homedir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileRefs } from './file-refs'

describe('FileRefs', () => {
  it('hands out opaque refs that reveal only the file name, stable per path', () => {
    const refs = new FileRefs()
    const a = refs.register('/home/ann/exports/../exports/shopify.csv')
    expect(a.name).toBe('shopify.csv')
    expect(a.ref).toMatch(/^[0-9a-f]{24}$/)
    expect(refs.register('/home/ann/exports/shopify.csv')).toEqual(a)
    expect(refs.path(a)).toBe('/home/ann/exports/shopify.csv')
    expect(refs.register('/home/ann/other.csv').ref).not.toBe(a.ref)
  })

  it.each([
    ['~/data/x.csv', join(homedir(), 'data', 'x.csv')],
    ['data/x.csv', join(homedir(), 'data', 'x.csv')],
    ['  /tmp/x.csv  ', '/tmp/x.csv'],
  ])('resolves the typed path %j against the home folder', (typed, expected) => {
    const refs = new FileRefs()
    expect(refs.path(refs.registerTyped(typed))).toBe(expected)
  })

  it('refuses a ref it never issued', () => {
    expect(() => new FileRefs().path('0123456789abcdef01234567')).toThrow(/choose it again/)
  })
})
