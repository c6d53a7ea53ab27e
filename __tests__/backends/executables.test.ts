import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import {
  EXECUTABLES_DIR,
  carryExecutables,
  renderPythonWrapper,
  renderWrapper
} from '../../src/backends/executables.js'
import { AS_PYTHON_ENV, FROZEN_PARENT_ENV } from '../../src/backends/runtime-hooks.js'

const python = process.env.PYTHON ?? 'python3'
const realPython = spawnSync(
  python,
  ['-c', 'import os,sys;print(os.path.realpath(sys.executable))'],
  {
    encoding: 'utf8'
  }
).stdout.trim()

/** Runs a wrapper as the binary's child would; a real interpreter stands in for the binary. */
function runWrapper(text: string, args: string[], env: NodeJS.ProcessEnv, input?: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-wrapper-'))
  const file = path.join(dir, 'tool')
  fs.writeFileSync(file, text, { mode: 0o755 })
  return spawnSync(file, args, { encoding: 'utf8', env: { PATH: process.env.PATH, ...env }, input })
}

describe('renderWrapper', () => {
  it('starts the binary on the console script entry, with the arguments and the script name as argv[0]', () => {
    const text = renderWrapper('jsonpretty', 'json.tool:main')
    expect(text).not.toBeNull()
    const r = runWrapper(
      text ?? '',
      ['--sort-keys'],
      { [FROZEN_PARENT_ENV]: realPython },
      '{"b":1,"a":2}'
    )
    expect(r.status).toBe(0)
    expect(r.stdout).toBe('{\n    "a": 2,\n    "b": 1\n}\n')
    const usage = runWrapper(renderWrapper('zipper', 'zipfile:main') ?? '', ['--bogus'], {
      [FROZEN_PARENT_ENV]: realPython
    })
    expect(usage.stderr).toMatch(/^usage: zipper /)
  })

  it('runs a module entry as python -m does, and attribute paths, and drops extras', () => {
    const m = runWrapper(renderWrapper('cal', 'calendar') ?? '', ['2026', '1'], {
      [FROZEN_PARENT_ENV]: realPython
    })
    expect(m.stdout).toMatch(/January 2026/)
    const attr = renderWrapper('ver', 'platform : python_version [extra]')
    expect(attr).toContain("'ver' 'platform:python_version'")
  })

  it('refuses to run outside the binary, with one line naming itself', () => {
    const r = runWrapper(renderWrapper('tool', 'json.tool:main') ?? '', [], {})
    expect(r.status).toBe(127)
    expect(r.stderr.trim()).toBe('tool: only the binary that carries this script can run it')
  })

  it('never renders names or entries that are not plain', () => {
    expect(renderWrapper("x'; rm -rf /", 'm:f')).toBeNull()
    expect(renderWrapper('x', "m:f'; echo")).toBeNull()
    expect(renderWrapper('x', 'm:f $(id)')).toBeNull()
  })
})

describe('renderPythonWrapper', () => {
  it('starts the binary with the arguments, marked to act as the interpreter', () => {
    const r = runWrapper(
      renderPythonWrapper('python'),
      ['-c', `import os, sys; print(os.environ.get("${AS_PYTHON_ENV}"), sys.argv[1:])`, 'a'],
      { [FROZEN_PARENT_ENV]: realPython }
    )
    expect(r).toMatchObject({ status: 0, stdout: "1 ['a']\n" })
  })
})

describe('carryExecutables', () => {
  it('writes wrappers for console scripts and python, and carries native programs as they are', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-carry-'))
    const native = path.join(out, 'native-tool')
    fs.writeFileSync(native, '\x7fELF')
    const files = carryExecutables(
      [
        { name: 'jsonpretty', entry: 'json.tool:main' },
        { name: 'native-tool', path: native },
        { name: 'gone', path: path.join(out, 'missing') },
        { name: 'bad name!', entry: 'm:f' }
      ],
      out,
      'linux'
    )
    const dir = path.join(out, EXECUTABLES_DIR)
    expect(files).toEqual([
      { source: path.join(dir, 'python'), dest: EXECUTABLES_DIR },
      { source: path.join(dir, 'python3'), dest: EXECUTABLES_DIR },
      { source: path.join(dir, 'jsonpretty'), dest: EXECUTABLES_DIR },
      { source: native, dest: EXECUTABLES_DIR }
    ])
    expect(fs.statSync(path.join(dir, 'jsonpretty')).mode & 0o111).not.toBe(0)
  })

  it('carries nothing with executables: none, and only native programs on Windows', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-carry-'))
    expect(carryExecutables(null, out, 'linux')).toEqual([])
    expect(carryExecutables([{ name: 'tool', entry: 'm:f' }], out, 'win32')).toEqual([])
  })
})
