import { describe, expect, it } from 'vitest'
import { passphraseStrength } from './strength'

describe('passphraseStrength', () => {
  it.each([
    ['', 0],
    ['short', 0],
    ['aaaaaaaa', 1],
    ['password1234', 1],
    ['correcthorse', 2],
    ['Tessera2025', 3],
    ['Correct-Horse-7', 4],
    ['correct horse battery staple', 4],
    ['T3ssera!rocks-my-data', 4],
  ])('%j scores %i', (text, score) => {
    expect(passphraseStrength(text).score).toBe(score)
  })
})
