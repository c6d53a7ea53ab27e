import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { FROZEN_PARENT_ENV, reentryHookSource } from '../../src/backends/runtime-hooks.js'

/**
 * Runs the hook as the first thing a program does, then a stand-in program that says it ran, under
 * `python3 -S` (no site module, as in a frozen binary). sys.executable stands in for the binary.
 */
function runHooked(args: string[], env: NodeJS.ProcessEnv, honor = false) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-hook-'))
  const program = path.join(dir, 'program.py')
  fs.writeFileSync(
    program,
    `${reentryHookSource(honor)}\nimport sys, os\nprint('program', sys.argv[1:], os.environ.get('${FROZEN_PARENT_ENV}') is not None, callable(exit))\n`
  )
  const python = process.env.PYTHON ?? 'python3'
  const r = spawnSync(python, ['-S', program, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
    cwd: dir
  })
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim(), dir, python }
}

function realPython(): string {
  const r = spawnSync(
    process.env.PYTHON ?? 'python3',
    ['-c', 'import os,sys;print(os.path.realpath(sys.executable))'],
    {
      encoding: 'utf8'
    }
  )
  return r.stdout.trim()
}

describe('reentryHookSource', () => {
  it('is the program when started by anyone else, marks its children, and gives exit()', () => {
    const r = runHooked(['-c', 'print(1)'], {})
    expect(r).toMatchObject({ status: 0, stdout: "program ['-c', 'print(1)'] True True" })
  })

  it('runs -c code as the interpreter would when its own parent started it', () => {
    const me = { [FROZEN_PARENT_ENV]: realPython() }
    const r = runHooked(['-u', '-c', 'import sys; print("child", sys.argv)', 'x'], me)
    expect(r).toMatchObject({ status: 0, stdout: "child ['-c', 'x']" })
    const failing = runHooked(['-c', 'raise SystemExit(3)'], me)
    expect(failing.status).toBe(3)
  })

  it('runs -m modules and script files as the interpreter would', () => {
    const me = { [FROZEN_PARENT_ENV]: realPython() }
    const m = runHooked(['-m', 'json.tool', '--help'], me)
    expect(m.status).toBe(0)
    expect(m.stdout).toMatch(/usage: .*json\.tool/)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-hook-script-'))
    fs.writeFileSync(path.join(dir, 'task.py'), 'import sys\nprint("task", sys.argv[1:])\n')
    const s = runHooked([path.join(dir, 'task.py'), 'a'], me)
    expect(s).toMatchObject({ status: 0, stdout: "task ['a']" })
  })

  it('leaves a binary started by another binary alone', () => {
    const r = runHooked(['-c', 'print(1)'], { [FROZEN_PARENT_ENV]: '/some/other/binary' })
    expect(r.stdout).toBe("program ['-c', 'print(1)'] True True")
  })

  it('appends PYTHONPATH folders only with honor-pythonpath', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-hook-pp-'))
    fs.writeFileSync(path.join(dir, 'tasks_mod.py'), 'NAME = "from PYTHONPATH"\n')
    const probe = (honor: boolean) =>
      runHooked(
        ['-c', 'import tasks_mod; print(tasks_mod.NAME)'],
        { [FROZEN_PARENT_ENV]: realPython(), PYTHONPATH: dir },
        honor
      )
    expect(probe(true)).toMatchObject({ status: 0, stdout: 'from PYTHONPATH' })
  })
})
