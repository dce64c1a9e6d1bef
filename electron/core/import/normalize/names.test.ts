import { describe, expect, it } from 'vitest'
import { foldForMatch, normalizeName, splitFullName } from './index'

describe('foldForMatch', () => {
  it.each([
    ["  Zoë-O'Brien ", 'zoe obrien'],
    ['Straße', 'strasse'],
    ['Łódź', 'lodz'],
    ['Ｍüller', 'muller'],
    ['ﬁonnuala', 'fionnuala'],
    ['Søren  Kierkegaard', 'soren kierkegaard'],
    ['José', 'jose'],
    ['José', 'jose'],
    ['Jean-Luc   Picard!!', 'jean luc picard'],
    ['Владимир', 'владимир'],
    ['', ''],
  ])('%j → %j', (raw, folded) => expect(foldForMatch(raw)).toBe(folded))
})

describe('normalizeName', () => {
  it.each([
    ['MCDONALD', 'McDonald', 'mcdonald'],
    ['mcdonald', 'McDonald', 'mcdonald'],
    ["o'brien", "O'Brien", 'obrien'],
    ['O’NEIL', "O'Neil", 'oneil'],
    ["d'angelo", "D'Angelo", 'dangelo'],
    ['van der berg', 'van der Berg', 'van der berg'],
    ['VON TRAPP', 'von Trapp', 'von trapp'],
    ['van', 'Van', 'van'],
    ['smith-jones', 'Smith-Jones', 'smith jones'],
    ['mary-kate', 'Mary-Kate', 'mary kate'],
    ['JOSÉ', 'José', 'jose'],
    ['zoë', 'Zoë', 'zoe'],
    ['ＪＯＨＮ', 'John', 'john'],
    ['DeShawn', 'DeShawn', 'deshawn'],
    ['McDonald', 'McDonald', 'mcdonald'],
    ['  jane   ann  ', 'Jane Ann', 'jane ann'],
    ['henry viii', 'Henry VIII', 'henry viii'],
    ["'Jane", "'Jane", 'jane'],
  ])('%j → %j / %j', (raw, display, match) => {
    expect(normalizeName(raw)).toEqual({ display, match })
  })

  it.each(['', '   ', 'n/a', 'NULL', 'Guest', 'test', '-', '???', 'customer'])('%j → null', (raw) => {
    expect(normalizeName(raw)).toBeNull()
  })
})

describe('splitFullName', () => {
  it.each([
    ['Smith, Jane', { last: 'Smith', first: 'Jane' }],
    ['Smith, Jane Q.', { last: 'Smith', first: 'Jane', middle: 'Q.' }],
    ['Smith, Dr. Jane', { last: 'Smith', first: 'Jane', title: 'Dr' }],
    ['Smith Jr., John', { last: 'Smith', first: 'John', suffix: 'Jr' }],
    ['Smith, John, Jr.', { last: 'Smith', first: 'John', suffix: 'Jr' }],
    ['Dr. Jane Q. Smith Jr.', { title: 'Dr', first: 'Jane', middle: 'Q.', last: 'Smith', suffix: 'Jr' }],
    ['Mrs Ann Lee', { title: 'Mrs', first: 'Ann', last: 'Lee' }],
    ['John Smith, Jr.', { first: 'John', last: 'Smith', suffix: 'Jr' }],
    ['John Smith III', { first: 'John', last: 'Smith', suffix: 'III' }],
    ['Prof. Ada King PhD', { title: 'Prof', first: 'Ada', last: 'King', suffix: 'PhD' }],
    ['Jan van der Berg', { first: 'Jan', last: 'van der Berg' }],
    ['Ludwig van Beethoven', { first: 'Ludwig', last: 'van Beethoven' }],
    ['Mary Ann Smith', { first: 'Mary', middle: 'Ann', last: 'Smith' }],
    ['Cher', { first: 'Cher' }],
    ['Dr', { first: 'Dr' }],
    ['  Jane   Smith ', { first: 'Jane', last: 'Smith' }],
    ['María José García', { first: 'María', middle: 'José', last: 'García' }],
  ])('%j', (raw, parts) => expect(splitFullName(raw)).toEqual(parts))

  it('returns null for empty input', () => expect(splitFullName('  ')).toBeNull())
})
