import { describe, expect, it } from '@jest/globals'
import { poetryCommand } from '../../src/trace/index.js'
import { sameTerminal } from '../../src/terminal.js'
import { installArgs } from '../../src/tools/project-env.js'

describe('poetryCommand', () => {
  const fn = {
    kind: 'function' as const,
    module: 'pkg.cli',
    func: 'main',
    display: 'pkg.cli:main',
    scriptName: 'pkg'
  }

  it('runs the console script poetry install wrote, with argv[0] named like the binary', () => {
    const c = poetryCommand(fn, '/p/build/launcher.py', 'my-tool', '/p/.venv', () => true)
    expect(c).toEqual({ file: '/p/.venv/bin/pkg', argv0: '/p/.venv/bin/my-tool' })
  })

  it('falls back to the launcher when there is no console script file', () => {
    const c = poetryCommand(fn, '/p/build/launcher.py', 'my-tool', '/p/.venv', () => false)
    expect(c).toEqual({ file: '/p/build/launcher.py', argv0: '/p/build/my-tool' })
  })

  it('gives a script entry the binary name beside the script', () => {
    const script = { kind: 'script' as const, path: '/p/src/main.py', display: 'src/main.py' }
    expect(poetryCommand(script, '/p/src/main.py', 'svc', '/p/.venv')).toEqual({
      file: '/p/src/main.py',
      argv0: '/p/src/svc'
    })
  })
})

describe('sameTerminal', () => {
  it('gives both sides one width, no colour and nothing that forces a tty', () => {
    const env = sameTerminal({ FORCE_COLOR: '1', CLICOLOR_FORCE: '1', TERM: 'xterm', PATH: '/bin' })
    expect(env).toEqual({ COLUMNS: '100', LINES: '40', TERM: 'dumb', NO_COLOR: '1', PATH: '/bin' })
  })
})

describe('installArgs', () => {
  it('passes extras and groups to poetry install', () => {
    expect(installArgs({ extras: [], groups: [] })).toEqual(['--only', 'main'])
    expect(installArgs({ extras: 'all', groups: [] })).toEqual(['--only', 'main', '--all-extras'])
    expect(installArgs({ extras: ['cli', 'yaml'], groups: ['docs', 'lint'] })).toEqual([
      '--only',
      'main,docs,lint',
      '--extras',
      'cli',
      '--extras',
      'yaml'
    ])
  })
})
