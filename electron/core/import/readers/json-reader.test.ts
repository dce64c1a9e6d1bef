import { describe, expect, it } from 'vitest'
import { openRowSource } from './index'
import { badFixture, goodFixture, readAll } from './test-support'

describe('JSON array reader', () => {
  it('flattens nested objects, keeps arrays as JSON and number text exact, and keeps keys first seen late', async () => {
    const { source, rows } = await readAll(goodFixture('customers.json'))
    expect(source.info).toMatchObject({ format: 'json', encoding: 'utf-8' })
    expect(source.header).toEqual([
      'id', 'email', 'name.first', 'name.last', 'tags', 'active', 'note', 'score',
      'address.city', 'address.geo.lat', 'address.geo.lng', 'orders', 'late_key',
    ])
    const byName = (row: number) => Object.fromEntries(source.header.map((h, i) => [h, rows[row]?.cells[i]]))
    expect(byName(0)).toMatchObject({ id: '12345678901234567890', 'name.last': 'Lee', tags: '["vip","newsletter"]', active: 'true', note: '' })
    expect(byName(1)).toMatchObject({ id: '2', tags: '[]', active: 'false', score: '1.50' })
    expect(rows[2]).toMatchObject({ rowNumber: 3, error: expect.stringContaining('not an object') })
    expect(byName(3)).toMatchObject({
      'address.geo.lat': '47.37',
      orders: '[{"n":1,"total":9.90},{"n":2,"total":null}]',
      late_key: 'kept',
    })
    expect(rows.every((r) => r.cells.length === source.header.length)).toBe(true)
  })

  it.each([
    ['truncated.json', 'not valid JSON'],
    ['object.json', 'not an array of records'],
  ])('%s fails before any row with UnsupportedFile', async (file, message) => {
    await expect(openRowSource(badFixture(file))).rejects.toMatchObject({ code: 'UnsupportedFile', message: expect.stringContaining(message) })
  })
})

describe('NDJSON reader', () => {
  it('reads one record per line, skipping blank lines, with the union of keys', async () => {
    const { source, rows } = await readAll(goodFixture('customers.ndjson'))
    expect(source.info.format).toBe('ndjson')
    expect(source.header).toEqual(['id', 'email', 'name.first', 'tags', 'active', 'name.last', 'late_key'])
    expect(rows.map((r) => r.cells)).toEqual([
      ['12345678901234567890', 'ann@example.com', 'Ann', '["vip",2]', '', '', ''],
      ['2', 'bob@example.com', '', '', 'false', '', ''],
      ['3', 'cy@example.com', 'Cy', '', '', 'Ng', 'kept'],
    ])
  })

  it('quarantines bad lines and keeps reading', async () => {
    const { source, rows } = await readAll(badFixture('bad-lines.ndjson'))
    expect(source.header).toEqual(['id', 'email'])
    expect(rows.map((r) => [r.rowNumber, r.error === undefined])).toEqual([[1, true], [2, false], [3, false], [4, true]])
    expect(rows[1]?.error).toContain('invalid JSON on this line')
    expect(rows[1]?.error).toContain('{"id": 2')
    expect(rows[2]?.error).toContain('an array')
  })
})

describe('JSON control', () => {
  it.each(['customers.json', 'customers.ndjson'])('%s: an aborted signal stops reading with Cancelled', async (file) => {
    const controller = new AbortController()
    const source = await openRowSource(goodFixture(file), { signal: controller.signal })
    controller.abort()
    const read = async () => {
      for await (const _row of source.rows) throw new Error('no row may come after abort')
    }
    await expect(read()).rejects.toMatchObject({ code: 'Cancelled' })
  })
})
