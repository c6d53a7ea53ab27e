import { describe, expect, it } from '@jest/globals'
import { pyString, pyStringList } from '../src/pyliteral.js'
import { python } from './support/python.js'

/** Deterministic pseudo-random generator so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const NASTY = [
  "'",
  '"',
  '\\',
  '\n',
  '\r',
  '\t',
  '\0',
  '\x7f',
  '{',
  '}',
  '%',
  '#',
  ' ',
  'é',
  '€',
  '\u2028',
  '😀',
  '\ud800',
  "'''",
  '"""',
  '\\x41',
  '\\N{BULLET}'
]

function randomString(next: () => number): string {
  let out = ''
  const len = Math.floor(next() * 24)
  for (let i = 0; i < len; i++) {
    const r = next()
    if (r < 0.4) out += NASTY[Math.floor(next() * NASTY.length)]
    else if (r < 0.8) out += String.fromCharCode(32 + Math.floor(next() * 95))
    else out += String.fromCodePoint(Math.floor(next() * 0x2ffff) % 0xd800)
  }
  return out
}

const EVAL_ALL = `
import ast, json, sys
literals = json.load(sys.stdin)
print(json.dumps([ast.literal_eval(src) for src in literals]))
`

describe('pyString', () => {
  it('round-trips 2000 fuzzed strings through Python exactly', () => {
    const next = rng(20261124)
    const values = Array.from({ length: 2000 }, () => randomString(next))
    const back = python<string[]>(EVAL_ALL, values.map(pyString))
    expect(back).toEqual(values)
  })

  it('never lets a quote end the literal early', () => {
    const evil = "x'); import os; os.system('id'); ('"
    const literal = pyString(evil)
    expect(python<string[]>(EVAL_ALL, [literal])).toEqual([evil])
    expect(literal.startsWith("'")).toBe(true)
    expect(literal.slice(1, -1)).not.toMatch(/(^|[^\\])'/)
  })

  it('renders lists', () => {
    expect(pyStringList([])).toBe('[]')
    expect(python<string[][]>(EVAL_ALL, [pyStringList(['a', "b'c"])])).toEqual([['a', "b'c"]])
  })
})
