import { describe, expect, it } from '@jest/globals'
import { INPUT_GROUPS, parseCliOptions, usage } from '../src/cli-args.js'
import { Input } from '../src/inputs.js'

describe('CLI --help', () => {
  it('puts every input in exactly one group', () => {
    const listed = INPUT_GROUPS.flatMap(g => g.inputs)
    expect([...listed].sort()).toEqual(Object.values(Input).sort())
    expect(new Set(listed).size).toBe(listed.length)
  })

  it('lists the flags under the group headings, in order, within 100 columns', () => {
    const text = usage()
    const positions = INPUT_GROUPS.map(g => text.indexOf(`\n${g.title}:\n`))
    expect(positions.every(p => p > 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    for (const i of Object.values(Input)) expect(text).toMatch(new RegExp(`^  --${i} `, 'm'))
    expect(text).toContain('--max-size')
    expect(text).toMatch(/--max-size +size cap, e\.g\. 50MB \(100MB\)/)
    expect(text).toContain('--json')
    expect(text).toContain('Exit codes: 0 passed, 1 failed, 2 bad input.')
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(100)
  })
})

describe('parseCliOptions', () => {
  it("takes out the CLI's own flags and leaves the inputs", () => {
    expect(
      parseCliOptions(['--verbose', '--project-path', 'x', '--log-file=/tmp/a.log', '--json'])
    ).toEqual({
      options: { help: false, verbose: true, json: true, logFile: '/tmp/a.log' },
      rest: ['--project-path', 'x']
    })
    expect(parseCliOptions(['-h']).options.help).toBe(true)
    expect(() => parseCliOptions(['--log-file'])).toThrow('Input "log-file": needs a path')
  })
})
