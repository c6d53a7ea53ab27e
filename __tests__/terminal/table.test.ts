import { describe, expect, it } from '@jest/globals'
import { fitColumns, renderTable } from '../../src/terminal/table.js'
import { displayWidth } from '../../src/terminal/text.js'

describe('renderTable', () => {
  const columns = [
    { header: 'check' },
    { header: 'time', align: 'right' as const },
    { header: 'detail', flexible: true }
  ]
  const rows = [
    ['--help', '104 ms', 'exit 0'],
    ['parity: --version', '9 ms', 'both exit 0, same stdout (1 line(s)) and a long tail of words']
  ]

  it('aligns columns: left text, right numbers', () => {
    const lines = renderTable(columns, rows, 200)
    expect(lines).toEqual([
      '  check                time  detail',
      '  --help             104 ms  exit 0',
      '  parity: --version    9 ms  both exit 0, same stdout (1 line(s)) and a long tail of words'
    ])
  })

  it('cuts the flexible column first to fit the width', () => {
    const lines = renderTable(columns, rows, 50)
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(50)
    expect(lines[2]).toMatch(/^ {2}parity: --version {4}9 ms {2}both exit.*…$/)
  })

  it('then the other columns, from the right, never below a few columns', () => {
    expect(fitColumns([20, 10, 30], [false, false, true], 30)).toEqual([14, 6, 6])
    expect(fitColumns([3, 3], [false, false], 100)).toEqual([3, 3])
  })

  it('colours a cell after cutting it', () => {
    const [line] = renderTable(
      [{ header: '' }, { header: '' }],
      [[{ text: '✓', color: t => `<${t}>` }, 'x']],
      40
    )
    expect(line).toBe('  <✓>  x')
  })
})
