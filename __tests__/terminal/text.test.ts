import { describe, expect, it } from '@jest/globals'
import {
  displayWidth,
  pad,
  paint,
  stripAnsi,
  truncate,
  useColor,
  wrap
} from '../../src/terminal/text.js'

describe('terminal text', () => {
  it('measures columns without colour codes, wide characters as two', () => {
    expect(displayWidth('\x1b[32m✓\x1b[39m ok')).toBe(4)
    expect(displayWidth('日本')).toBe(4)
    expect(displayWidth('e\u0301')).toBe(1)
  })

  it('cuts to the width with an ellipsis, and leaves short text alone', () => {
    expect(truncate('abcdefgh', 5)).toBe('abcd…')
    expect(displayWidth(truncate('日本語のテキスト', 7))).toBeLessThanOrEqual(7)
    expect(truncate('abc', 5)).toBe('abc')
  })

  it('wraps words under a hanging indent and breaks words longer than a line', () => {
    const lines = wrap(
      'error: the binary /a/very/long/path/that/does/not/fit/on/one/line failed',
      24,
      '  ✗ ',
      '    '
    )
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(24)
    expect(lines[0].startsWith('  ✗ error:')).toBe(true)
    expect(lines.slice(1).every(l => l.startsWith('    '))).toBe(true)
    expect(lines.map(l => l.trim()).join('')).toContain('/a/very/long/path')
  })

  it('pads coloured text by what shows', () => {
    const p = paint(true)
    expect(stripAnsi(pad(p.red('x'), 3, 'right'))).toBe('  x')
  })

  it('colours only on a tty without NO_COLOR', () => {
    expect(useColor(true, {})).toBe(true)
    expect(useColor(true, { NO_COLOR: '1' })).toBe(false)
    expect(useColor(false, {})).toBe(false)
    expect(useColor(undefined, {})).toBe(false)
    expect(paint(false).red('x')).toBe('x')
    expect(paint(true).red('x')).toBe('\x1b[31mx\x1b[39m')
  })
})
