import { describe, expect, it } from 'vitest'
import { Throttle } from './throttle'

describe('Throttle', () => {
  it('sends the first value at once, holds a burst to one per interval, and always delivers the latest', async () => {
    let clock = 0
    const sent: number[] = []
    const t = new Throttle<number>(100, (v) => sent.push(v), () => clock)
    t.push(1)
    clock = 10
    t.push(2)
    t.push(3)
    expect(sent).toEqual([1])
    await new Promise((r) => setTimeout(r, 150))
    clock = 150
    expect(sent).toEqual([1, 3])
    clock = 400
    t.push(4)
    expect(sent).toEqual([1, 3, 4])
  })

  it('flush sends what is pending now, and nothing twice', () => {
    let clock = 0
    const sent: string[] = []
    const t = new Throttle<string>(100, (v) => sent.push(v), () => clock)
    t.push('a')
    clock = 1
    t.push('b')
    t.flush()
    t.flush()
    expect(sent).toEqual(['a', 'b'])
  })
})
