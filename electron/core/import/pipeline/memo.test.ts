import { describe, expect, it } from 'vitest'
import { memo1, memo2 } from './memo'

describe('memo1', () => {
  it('computes each argument once and returns the same result', () => {
    let calls = 0
    const f = memo1((s: string) => { calls++; return { upper: s.toUpperCase() } })
    const a = f('x')
    expect(f('x')).toBe(a)
    expect(f('y').upper).toBe('Y')
    expect(calls).toBe(2)
  })

  it('remembers null and undefined results too', () => {
    let calls = 0
    const f = memo1((s: string) => { calls++; return s === 'n' ? null : undefined })
    f('n'); f('n'); f('u'); f('u')
    expect(calls).toBe(2)
  })

  it('stays within its limit by emptying, and still answers correctly', () => {
    let calls = 0
    const f = memo1((s: string) => { calls++; return s.length }, 3)
    for (const s of ['a', 'bb', 'ccc', 'dddd', 'a']) expect(f(s)).toBe(s.length)
    expect(calls).toBe(5)
  })
})

describe('memo2', () => {
  it('keys on both arguments', () => {
    let calls = 0
    const f = memo2((a: string, b: string | undefined) => { calls++; return `${a}/${b ?? '-'}` })
    expect([f('1', 'US'), f('1', 'GB'), f('1', undefined), f('1', 'US')]).toEqual(['1/US', '1/GB', '1/-', '1/US'])
    expect(calls).toBe(3)
  })
})
