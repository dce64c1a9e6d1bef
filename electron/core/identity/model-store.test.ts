import { describe, expect, it } from 'vitest'
import { priorModel } from './model'
import { parseModel } from './model-store'

describe('parseModel', () => {
  const stored = (): Record<string, unknown> => JSON.parse(JSON.stringify(priorModel(0.01))) as Record<string, unknown>

  it('reads back a model it stored', () => expect(parseModel(stored())).toEqual(priorModel(0.01)))

  it.each([
    ['no shape (stored before models were versioned)', (o: Record<string, unknown>) => delete o.shape],
    ['another shape (a level added or renamed)', (o: Record<string, unknown>) => (o.shape = 'email:exact/different')],
    ['λ out of range', (o: Record<string, unknown>) => (o.lambda = 1)],
    ['arrays of another length', (o: Record<string, unknown>) => (o.m = [0.5])],
  ])('refuses a model with %s', (_name, spoil) => {
    const o = stored()
    spoil(o)
    expect(parseModel(o)).toBeNull()
  })
})
