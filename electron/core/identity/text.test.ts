import { describe, expect, it } from 'vitest'
import { areNicknames } from './nicknames'
import { damerauLevenshtein, emailLocalOf, fold, jaroWinkler, metaphone, namesFromEmail, streetSimilarity, tokenSetSimilarity, tokens } from './text'

describe('fold', () => {
  it.each([
    ['  Zoë-O\'Brien ', 'zoe obrien'],
    ['JOSÉ  García', 'jose garcia'],
    ['Ｊｏｈｎ', 'john'],
    [null, ''],
    ['', ''],
  ])('%j → %j', (input, out) => expect(fold(input)).toBe(out))
})

describe('jaroWinkler', () => {
  it.each([
    ['martha', 'marhta', 0.961],
    ['dwayne', 'duane', 0.84],
    ['dixon', 'dicksonx', 0.813],
    ['abc', 'abc', 1],
    ['', 'abc', 0],
    ['abc', 'xyz', 0],
  ])('%s ~ %s = %f', (a, b, v) => expect(jaroWinkler(a, b)).toBeCloseTo(v, 2))
})

describe('damerauLevenshtein', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['ca', 'ac', 1],
    ['smith', 'smtih', 1],
    ['', 'abc', 3],
    ['same', 'same', 0],
  ])('%s → %s = %i', (a, b, d) => expect(damerauLevenshtein(a, b)).toBe(d))

  it('stops early past max', () => expect(damerauLevenshtein('abcdefgh', 'zyxwvuts', 1)).toBe(2))
})

describe('phonetics, tokens and nicknames', () => {
  it('codes sound-alike names the same', () => {
    expect(metaphone('catherine')).toBe(metaphone('kathryn'))
    expect(metaphone('smith')).not.toBe(metaphone('jones'))
    expect(metaphone('')).toBe('')
  })
  it('token-set similarity ignores order and extra words', () => {
    expect(tokenSetSimilarity(tokens('acme'), tokens('acme widgets'))).toBe(1)
    expect(tokenSetSimilarity(tokens('pinkerton circuit'), tokens('circuit pinkerton'))).toBe(1)
    expect(tokenSetSimilarity(tokens('pinkerton circuit'), tokens('pinkertn circuit'))).toBe(0.75)
    expect(tokenSetSimilarity([], tokens('x'))).toBe(0)
  })
  it.each([
    ['william', 'bill', true], ['margaret', 'peggy', true], ['robert', 'bob', true], ['elizabeth', 'beth', true],
    ['al', 'alfred', true], ['john', 'mary', false], ['john', 'john', false], ['', 'bill', false],
  ])('%s / %s nicknames: %s', (a, b, v) => expect(areNicknames(a, b)).toBe(v))
})

describe('namesFromEmail', () => {
  it.each([
    ['james.flores@wayneenterprises.com', '', ['james', 'flores']], ['Smith.Pamela@gmail.com', 'pamela', ['pamela', 'smith']],
    ['christian_ross@yahoo.com', 'christian', ['christian', 'ross']], ['dorothy-russell@icloud.com', 'dorothy', ['dorothy', 'russell']],
    // Not two words of letters, or a first name the mailbox does not spell: no names.
    ['jamesflores@gmail.com', '', null], ['james.torres50@icloud.com', '', null], ['j.flores@gmail.com', '', null],
    ['james.flores@gmail.com', 'mary', null], [null, '', null], ['', 'jane', null],
    ['sales.team@acme.com', '', null], ['the.smiths@gmail.com', '', null],
  ])('%s with first name %j → %j', (email, first, names) => expect(namesFromEmail(email, first)).toEqual(names))
  it('reads the local part of an address', () => {
    expect(emailLocalOf(' Jane.Doe@Example.com ')).toBe('jane.doe')
    expect(emailLocalOf('nodomain')).toBe('nodomain')
    expect(emailLocalOf(null)).toBe('')
  })
})

describe('streetSimilarity', () => {
  it.each([
    ['main street', 'main st', 1], ['grove ave', 'grove avenue', 1], ['lake blvd', 'lake boulevard', 1], ['n oak dr', 'north oak drive', 1],
    ['mill ct apt 39', 'mill court apt 39', 1], ['court street', 'court st', 1], ['main street', 'main road', 0.5], ['grove ave', 'elm ave', 0.5],
    ['lakeview lane', 'lzkeview ln', 0.9], ['main st', '', 0],
  ])('%s ~ %s = %f', (a, b, v) => expect(streetSimilarity(tokens(a), tokens(b))).toBeCloseTo(v, 2))
})
