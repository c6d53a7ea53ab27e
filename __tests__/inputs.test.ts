import * as fs from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { DEFAULTS, getInputs, Input } from '../src/inputs.js'

const reader =
  (values: Partial<Record<Input, string>>) =>
  (name: Input): string =>
    values[name] ?? ''

describe('getInputs', () => {
  it('applies the defaults of action.yml', () => {
    const inputs = getInputs(reader({}), '/work/repo')
    expect(inputs.projectPath).toBe('/work/repo')
    expect(inputs.mode).toBe('onefile')
    expect(inputs.maxSizeBytes).toBe(100_000_000)
    expect(inputs.maxStartupMs).toBe(3000)
    expect(inputs.startupRuns).toBe(5)
    expect(inputs.startupArgs).toEqual(['--version'])
    expect(inputs.optimize).toBe(0)
    expect(inputs.defaultCommands).toEqual({ parity: true, startup: true })
    expect(inputs.upx).toBe('auto')
    expect(inputs.hiddenImports).toEqual([])
    expect(inputs.parity).toEqual([
      { line: '--help', args: ['--help'], exitOnly: false },
      { line: '--version', args: ['--version'], exitOnly: false }
    ])
    expect(inputs.trace).toBe(true)
  })

  it('parses parity, service-exercise, collect-data and copy-metadata', () => {
    const inputs = getInputs(
      reader({
        [Input.Parity]: 'greet "Ada L"\nlist => exit  # exit code only',
        [Input.ServiceExercise]: 'submit report Q3 => 0\nsubmit broken x => 1',
        [Input.CollectData]: 'tplcli\ncommitizen',
        [Input.CopyMetadata]: 'my-plugin, Foo_Bar.baz',
        [Input.Trace]: 'false'
      })
    )
    expect(inputs.parity).toEqual([
      { line: 'greet "Ada L"', args: ['greet', 'Ada L'], exitOnly: false },
      { line: 'list => exit', args: ['list'], exitOnly: true }
    ])
    expect(inputs.serviceExercise.map(c => [c.args, c.expectedExit])).toEqual([
      [['submit', 'report', 'Q3'], 0],
      [['submit', 'broken', 'x'], 1]
    ])
    expect(inputs.collectData).toEqual(['tplcli', 'commitizen'])
    expect(inputs.copyMetadata).toEqual(['my-plugin', 'Foo_Bar.baz'])
    expect(inputs.trace).toBe(false)
    expect(getInputs(reader({ [Input.Parity]: 'none' })).parity).toEqual([])
    // Commands the user gave are theirs: only the defaults are left out when nothing answers them.
    expect(
      getInputs(reader({ [Input.Parity]: '--help', [Input.StartupArgs]: '--version' }))
        .defaultCommands
    ).toEqual({ parity: false, startup: false })
  })

  it.each([
    [Input.Parity, 'greet => 0', 'may only end in "=> exit"'],
    [Input.Smoke, 'check => 300', 'exit codes are whole numbers from 0 to 255'],
    [Input.ServiceExercise, 'submit => -1', 'exit codes are whole numbers from 0 to 255'],
    [Input.CopyMetadata, 'bad/name', 'is not a distribution name'],
    [Input.CollectData, 'not-a-module', 'is not a Python module name']
  ])('rejects %s = %s with one line naming it', (input, value, message) => {
    expect(() => getInputs(reader({ [input]: value }))).toThrow(`Input "${input}": `)
    expect(() => getInputs(reader({ [input]: value }))).toThrow(message)
  })

  it('parses lists, sizes, durations and data files', () => {
    const inputs = getInputs(
      reader({
        [Input.HiddenImports]:
          'temporalio.worker\n  langchain_core.tools, tiktoken_ext.openai_public # plugins',
        [Input.Datas]: 'config/*.yaml:config\nC:\\data\\x.json:data',
        [Input.MaxSize]: '95MiB',
        [Input.MaxStartup]: '800ms',
        [Input.StartupArgs]: '--version --quiet',
        [Input.Mode]: 'ONEDIR',
        [Input.Upx]: 'off',
        [Input.ProjectPath]: 'examples/agent-runner'
      }),
      '/repo'
    )
    expect(inputs.hiddenImports).toEqual([
      'temporalio.worker',
      'langchain_core.tools',
      'tiktoken_ext.openai_public'
    ])
    expect(inputs.datas).toEqual([
      { source: 'config/*.yaml', dest: 'config' },
      { source: 'C:\\data\\x.json', dest: 'data' }
    ])
    expect(inputs.maxSizeBytes).toBe(95 * 1024 * 1024)
    expect(inputs.maxStartupMs).toBe(800)
    expect(inputs.startupArgs).toEqual(['--version', '--quiet'])
    expect(inputs.mode).toBe('onedir')
    expect(inputs.upx).toBe('false')
    expect(inputs.projectPath).toBe('/repo/examples/agent-runner')
  })

  it.each([
    [
      Input.MaxSize,
      'banana',
      'Input "max-size": "banana" is not a size; use a byte count or a number with B, KB, MB, GB, KiB, MiB or GiB (e.g. 100MB)'
    ],
    [Input.MaxStartup, 'soon', 'Input "max-startup": "soon" is not a duration'],
    [Input.Mode, 'twofile', 'Input "mode": "twofile" is not accepted; use one of onefile, onedir'],
    [Input.Upx, 'maybe', 'Input "upx": "maybe" is not accepted; use auto, true or false'],
    [
      Input.StartupRuns,
      '1',
      'Input "startup-runs": "1" is not accepted; use a whole number from 2 to 100'
    ],
    [
      Input.HiddenImports,
      'os; import evil',
      'Input "hidden-imports": "os;" is not a Python module name'
    ],
    [Input.Optimize, '3', 'Input "optimize": "3" is not accepted; use one of 0, 1, 2'],
    [Input.PoetryVersion, 'latest', 'Input "poetry-version": "latest" is not an exact version'],
    [Input.Datas, 'nodest', 'Input "datas": "nodest" is not accepted; use SOURCE:DEST'],
    [Input.Name, '../evil', 'Input "name": "../evil" is not accepted'],
    [Input.UpxSha256, 'abc', 'Input "upx-sha256": "abc" is not accepted'],
    [Input.StartupArgs, '"open', 'Input "startup-args": ""open" cannot be split']
  ])('%s=%p fails with one line naming the input', (name, value, message) => {
    let error: unknown
    try {
      getInputs(reader({ [name]: value }))
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(Error)
    const text = (error as Error).message
    expect(text.startsWith(message)).toBe(true)
    expect(text).not.toContain('\n')
  })

  it('keeps DEFAULTS identical to action.yml, and every input declared', () => {
    const action = parse(fs.readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as {
      inputs: Record<string, { default?: string }>
      runs: { using: string; main: string }
    }
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    // Expressions such as ${{ github.token }} are evaluated by the runner; the CLI has none.
    const fromAction = Object.fromEntries(
      Object.entries(action.inputs).map(([k, v]) => [
        k,
        (v.default ?? '').startsWith('${{') ? '' : (v.default ?? '')
      ])
    )
    const ours = Object.fromEntries(Object.values(Input).map(name => [name, DEFAULTS[name]]))
    expect(ours).toEqual(Object.fromEntries(Object.keys(ours).map(k => [k, fromAction[k]])))
    expect(Object.keys(fromAction).sort()).toEqual(Object.keys(ours).sort())
  })
})

describe('package-data, extras, groups, honor-pythonpath', () => {
  it('defaults to all package data, no extras or groups, PYTHONPATH ignored', () => {
    const inputs = getInputs(reader({}))
    expect(inputs.packageData).toEqual({ all: true, skip: [] })
    expect(inputs.extras).toEqual([])
    expect(inputs.groups).toEqual([])
    expect(inputs.honorPythonpath).toBe(false)
  })

  it('parses opt-outs, all extras, groups and honor-pythonpath', () => {
    const inputs = getInputs(
      reader({
        [Input.PackageData]: 'all -botocore\n-numpy',
        [Input.Extras]: 'all',
        [Input.Groups]: 'docs, lint',
        [Input.HonorPythonpath]: 'true'
      })
    )
    expect(inputs.packageData).toEqual({ all: true, skip: ['botocore', 'numpy'] })
    expect(inputs.extras).toBe('all')
    expect(inputs.groups).toEqual(['docs', 'lint'])
    expect(inputs.honorPythonpath).toBe(true)
    expect(getInputs(reader({ [Input.PackageData]: 'none' })).packageData).toEqual({
      all: false,
      skip: []
    })
    expect(getInputs(reader({ [Input.Extras]: 'cli yaml' })).extras).toEqual(['cli', 'yaml'])
  })

  it.each(['some', 'none -x', 'all botocore', 'all -'])(
    'refuses package-data "%s" in one line naming the input',
    value => {
      expect(() => getInputs(reader({ [Input.PackageData]: value }))).toThrow(
        /^Input "package-data": ".*" is not accepted; use all \(default\), none, or all followed by -name entries/
      )
    }
  )
})
