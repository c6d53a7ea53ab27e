import { describe, expect, it } from '@jest/globals'
import {
  compareParity,
  moduleRootPaths,
  normalizeOutput,
  shortDiff,
  type Normalization,
  type SideRun
} from '../../src/validate/parity.js'

const norm: Normalization = {
  programNames: ['main.py', 'agent-runner'],
  paths: [
    { path: '/tmp/run/poetry-side-ab/cwd-1', label: 'cwd' },
    { path: '/tmp/run/poetry-side-ab/binary-2', label: 'cwd' },
    { path: '/work/proj', label: 'project' }
  ]
}

const side = (over: Partial<SideRun>): SideRun => ({
  exitCode: 0,
  signal: null,
  stdout: '',
  stderr: '',
  timedOut: false,
  ms: 10,
  ...over
})

describe('normalizeOutput', () => {
  it('normalises the program name, per-side paths, _MEI folders, line endings and trailing spaces', () => {
    const poetry =
      'usage: main.py [-h] {greet}  \r\nwrote /tmp/run/poetry-side-ab/cwd-1/out.txt\r\n\r\n'
    const binary =
      'usage: agent-runner [-h] {greet}\nwrote /tmp/run/poetry-side-ab/binary-2/out.txt\n'
    expect(normalizeOutput(poetry, norm)).toBe(normalizeOutput(binary, norm))
    expect(normalizeOutput(binary, norm)).toBe('usage: <prog> [-h] {greet}\nwrote <cwd>/out.txt')
    expect(normalizeOutput('data at /tmp/_MEIab12Cd/tplcli/x.j2', norm)).toBe(
      'data at <modules>/tplcli/x.j2'
    )
  })

  it('reads a path derived from __file__ the same from both sides (module roots are <modules>)', () => {
    const roots = (srcLayout: boolean): Normalization => ({
      programNames: [],
      paths: [
        ...moduleRootPaths({
          project: '/w/proj',
          srcLayout,
          sitePackages: ['/w/proj/.venv/lib/python3.11/site-packages'],
          binary: ['/home/u/.cache/poetry-binary-action/app/3f2a']
        }),
        { path: '/w/proj', label: 'project' }
      ]
    })
    const flat = roots(false)
    const poetry =
      'settings from /w/proj/.env; templates in /w/proj/.venv/lib/python3.11/site-packages/tpl/x'
    for (const binary of [
      'settings from /home/u/.cache/poetry-binary-action/app/3f2a/.env; templates in /home/u/.cache/poetry-binary-action/app/3f2a/tpl/x',
      'settings from /tmp/_MEIab12Cd/.env; templates in /tmp/_MEIab12Cd/tpl/x'
    ])
      expect(normalizeOutput(binary, flat)).toBe(normalizeOutput(poetry, flat))
    expect(normalizeOutput(poetry, flat)).toBe(
      'settings from <modules>/.env; templates in <modules>/tpl/x'
    )
    // A src layout: src/ holds the modules; the project folder keeps its own label.
    const src = roots(true)
    expect(normalizeOutput('/w/proj/src/app/data and /w/proj/README', src)).toBe(
      '<modules>/app/data and <project>/README'
    )
  })

  it('leaves a name alone inside a longer word or file name', () => {
    expect(normalizeOutput('agent-runner-x main.pyc my-agent-runner agent-runner.', norm)).toBe(
      'agent-runner-x main.pyc my-agent-runner <prog>.'
    )
  })
})

describe('compareParity', () => {
  it('passes when exit code and normalised stdout agree', () => {
    const r = compareParity(
      side({ stdout: 'usage: main.py\n' }),
      side({ stdout: 'usage: agent-runner\n' }),
      norm,
      false,
      []
    )
    expect(r).toEqual({ passed: true, detail: 'both exit 0, same stdout (1 line(s))' })
  })

  it('passes a CLI that fails the same way on both sides (no --version flag)', () => {
    const r = compareParity(
      side({ exitCode: 2, stderr: 'usage: main.py\nerror: unrecognized arguments: --version' }),
      side({
        exitCode: 2,
        stderr: 'usage: agent-runner\nerror: unrecognized arguments: --version'
      }),
      norm,
      false,
      []
    )
    expect(r.passed).toBe(true)
  })

  it('fails on a different exit code and names the exception, not the PyInstaller banner', () => {
    const r = compareParity(
      side({ exitCode: 0, stdout: 'hi\n' }),
      side({
        exitCode: 1,
        stderr:
          "Traceback (most recent call last):\nValueError: PackageLoader could not find a 'templates' directory\n[PYI-700:ERROR] Failed to execute script 'main' due to unhandled exception!\n"
      }),
      norm,
      false,
      []
    )
    expect(r.passed).toBe(false)
    expect(r.detail).toBe(
      "binary exit 1, poetry run exit 0; binary's last output: ValueError: PackageLoader could not find a 'templates' directory"
    )
  })

  it('fails on different stdout with a short diff, and compares the exit code only when asked', () => {
    const poetry = side({ stdout: 'plugins:\nshout\nwhisper\n' })
    const binary = side({ stdout: 'plugins:\n' })
    const r = compareParity(poetry, binary, norm, false, [])
    expect(r.passed).toBe(false)
    expect(r.diff).toBe('@@ line 2 @@\n  plugins:\n- shout\n- whisper')
    expect(r.detail).toBe('both exit 0, stdout differs: - shout')
    // A missing block after a blank line: the reason names its first line, not the blank.
    const block = compareParity(
      side({ stdout: 'Usage: x\n\nCommands:\n  scan\n' }),
      side({ stdout: 'Usage: x\n' }),
      norm,
      false,
      []
    )
    expect(block.detail).toBe('both exit 0, stdout differs: - Commands:')
    expect(
      compareParity(side({ stdout: 'a\n\nb\n' }), side({ stdout: 'a\nb\n' }), norm, false, [])
        .detail
    ).toBe('both exit 0, stdout differs: - (a blank line)')
    expect(compareParity(poetry, binary, norm, true, [])).toEqual({
      passed: true,
      detail: 'both exit 0 (exit code compared)'
    })
  })

  it('redacts a secret before cutting, so no fragment of it survives a cut', () => {
    const secret = 'sk-ant-' + 'x'.repeat(40)
    const long = 'y'.repeat(280) + secret + '\n'
    const r = compareParity(side({ stdout: 'ok\n' }), side({ stdout: long }), norm, false, [secret])
    expect(r.passed).toBe(false)
    for (const text of [r.detail, r.diff ?? '']) {
      expect(text).not.toContain('sk-ant')
      expect(text).not.toContain('xxxxxxxxxx')
    }
  })

  it('reports a poetry run side that timed out rather than blaming the binary', () => {
    const r = compareParity(side({ timedOut: true, exitCode: null }), side({}), norm, false, [])
    expect(r.passed).toBe(false)
    expect(r.detail).toMatch(/^poetry run side timed out, nothing to compare with/)
  })
})

describe('shortDiff', () => {
  it('keeps long diffs short', () => {
    const a = Array.from({ length: 30 }, (_, i) => `a${i}`).join('\n')
    const b = Array.from({ length: 30 }, (_, i) => `b${i}`).join('\n')
    const d = shortDiff(a, b)
    expect(d.split('\n')).toHaveLength(13)
    expect(d).toMatch(/… 49 more line\(s\)$/)
  })
})
