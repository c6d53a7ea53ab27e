import { describe, expect, it } from '@jest/globals'
import { formatBytes, formatMs, parseDuration, parsePercent, parseSize } from '../src/units.js'
import { splitArgs } from '../src/argv.js'

describe('parseSize', () => {
  it.each([
    ['100MB', 100_000_000],
    ['95MiB', 95 * 1024 * 1024],
    ['1.5GB', 1_500_000_000],
    ['1KB', 1000],
    ['2048', 2048],
    ['12 kib', 12 * 1024],
    [' 7B ', 7]
  ])('%s → %d bytes', (text, bytes) => expect(parseSize(text)).toBe(bytes))

  it.each(['banana', '', 'MB', '10 parsecs', '-5MB', '1e6', '5 M B'])('rejects %p', text =>
    expect(parseSize(text)).toBeUndefined()
  )
})

describe('parseDuration', () => {
  it.each([
    ['3s', 3000],
    ['800ms', 800],
    ['1.5s', 1500],
    ['2m', 120_000]
  ])('%s → %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms))
  it.each(['3', 'fast', '3 hours', 's'])('rejects %p', text =>
    expect(parseDuration(text)).toBeUndefined()
  )
})

describe('parsePercent', () => {
  it('accepts 5% and 12.5%', () => {
    expect(parsePercent('5%')).toBe(5)
    expect(parsePercent('12.5%')).toBe(12.5)
  })
  it('rejects words', () => expect(parsePercent('lots')).toBeUndefined())
})

describe('formatting', () => {
  it('formats bytes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1536)).toBe('1.5 KiB')
    expect(formatBytes(100 * 1024 * 1024)).toBe('100 MiB')
    expect(formatBytes(-2048)).toBe('-2.0 KiB')
  })
  it('formats durations', () => {
    expect(formatMs(850.4)).toBe('850 ms')
    expect(formatMs(2410)).toBe('2.41 s')
  })
})

describe('splitArgs', () => {
  it('splits words and keeps quoted spaces', () => {
    expect(splitArgs(`--version`)).toEqual(['--version'])
    expect(splitArgs(`run --name "a b" 'c d' e\\ f`)).toEqual([
      'run',
      '--name',
      'a b',
      'c d',
      'e f'
    ])
    expect(splitArgs(`""`)).toEqual([''])
    expect(splitArgs(`  `)).toEqual([])
  })
  it('does not expand anything', () =>
    expect(splitArgs('$HOME `id` $(id)')).toEqual(['$HOME', '`id`', '$(id)']))
  it('rejects an unterminated quote', () => expect(() => splitArgs(`"abc`)).toThrow(/unterminated/))
})
