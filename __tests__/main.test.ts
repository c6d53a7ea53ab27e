import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { run } from '../src/main.js'
import { Input } from '../src/inputs.js'
import { parseCliArgs } from '../src/cli-args.js'
import { recordingHost } from '../__fixtures__/host.js'

const reader =
  (values: Partial<Record<Input, string>>) =>
  (name: Input): string =>
    values[name] ?? ''

describe('run: bad input fails before any build work, with one line', () => {
  it.each([
    [{ [Input.MaxSize]: 'banana' }, /^Input "max-size": "banana" is not a size/],
    [
      { [Input.ProjectPath]: '/definitely/missing' },
      /^Input "project-path": \/definitely\/missing is not a directory/
    ]
  ])('%p', async (values, expected) => {
    const host = recordingHost()
    const result = await run(host, reader(values))
    expect(result).toBeUndefined()
    expect(host.failures).toHaveLength(1)
    expect(host.failures[0]).toMatch(expected)
    expect(host.failures[0]).not.toContain('\n')
    expect(host.failures[0]).not.toMatch(/\bat .*\.(ts|js):\d+/)
    expect(host.lines.filter(l => l.kind === 'info')).toEqual([])
  })

  it('rejects a project without pyproject.toml', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-empty-'))
    const host = recordingHost()
    await run(host, reader({ [Input.ProjectPath]: dir }))
    expect(host.failures).toEqual([
      `Input "project-path": no pyproject.toml in ${dir}; point it at a Poetry project's folder`
    ])
  })
})

describe('parseCliArgs', () => {
  it('maps flags to inputs and joins repeated flags as lines', () => {
    const v = parseCliArgs([
      '--project-path',
      'examples/agent-runner',
      '--hidden-imports=a',
      '--hidden-imports',
      'b'
    ])
    expect(v.get(Input.ProjectPath)).toBe('examples/agent-runner')
    expect(v.get(Input.HiddenImports)).toBe('a\nb')
  })
  it('rejects unknown flags and missing values', () => {
    expect(() => parseCliArgs(['--nope', 'x'])).toThrow('Unknown flag --nope')
    expect(() => parseCliArgs(['--max-size'])).toThrow('Flag --max-size needs a value')
    expect(() => parseCliArgs(['stray'])).toThrow('Unexpected argument "stray"')
  })
})
