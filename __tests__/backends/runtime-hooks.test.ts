import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import {
  AS_PYTHON_ENV,
  EXECUTABLES_DIR,
  FROZEN_PARENT_ENV,
  reentryHookSource
} from '../../src/backends/runtime-hooks.js'

/**
 * Runs the hook as the first thing a program does, then a stand-in program that says it ran, under
 * `python3 -S` (no site module, as in a frozen binary). sys.executable stands in for the binary.
 */
function runHooked(
  args: string[],
  env: NodeJS.ProcessEnv,
  honor = false,
  options: { input?: string; carried?: string[] } = {}
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-hook-'))
  if (options.carried) {
    fs.mkdirSync(path.join(dir, EXECUTABLES_DIR))
    for (const name of options.carried)
      fs.writeFileSync(path.join(dir, EXECUTABLES_DIR, name), '#!/bin/sh\necho carried\n', {
        mode: 0o644
      })
  }
  const program = path.join(dir, 'program.py')
  fs.writeFileSync(
    program,
    `${reentryHookSource(honor)}\nimport sys, os\nprint('program', sys.argv[1:], os.environ.get('${FROZEN_PARENT_ENV}') is not None, callable(exit))\n`
  )
  const python = process.env.PYTHON ?? 'python3'
  const r = spawnSync(python, ['-S', program, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
    cwd: dir,
    input: options.input
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

  it('puts the carried executables first on PATH, executable, for the program and its children', () => {
    const r = runHooked(
      [
        '-c',
        'import os, shutil, subprocess; print(os.environ["PATH"].split(os.pathsep)[0].endswith("_pba_bin"), subprocess.run(["tool"], capture_output=True, text=True).stdout.strip())'
      ],
      { [FROZEN_PARENT_ENV]: realPython() },
      false,
      { carried: ['tool'] }
    )
    expect(r).toMatchObject({ status: 0, stdout: 'True carried' })
  })

  it('runs -c with the working folder on sys.path, as python -c does, unless -I', () => {
    const me = { [FROZEN_PARENT_ENV]: realPython() }
    const code = 'import sys; print(sys.path[0] == "")'
    expect(runHooked(['-c', code], me).stdout).toBe('True')
    expect(runHooked(['-I', '-c', code], me).stdout).toBe('False')
  })

  it('acts as the interpreter in every supported form when the carried python started it', () => {
    const asPython = { [FROZEN_PARENT_ENV]: realPython(), [AS_PYTHON_ENV]: '1' }
    expect(runHooked(['-V'], asPython).stdout).toMatch(/^Python 3\.\d+\.\d+$/)
    const stdin = runHooked([], asPython, false, {
      input: 'import os\nprint("from stdin", os.environ.get("' + AS_PYTHON_ENV + '"))\n'
    })
    expect(stdin).toMatchObject({ status: 0, stdout: 'from stdin None' })
    const refused = runHooked(['--bogus'], asPython)
    expect(refused.status).toBe(2)
    expect(refused.stderr).toMatch(/--bogus is not supported/)
    // Without the carried python's mark, the same arguments go to the program.
    expect(runHooked(['-V'], { [FROZEN_PARENT_ENV]: realPython() }).stdout).toBe(
      "program ['-V'] True True"
    )
  })

  it('ends a re-started run as the interpreter would: status, traceback, exit handlers, flushed output', () => {
    const me = { [FROZEN_PARENT_ENV]: realPython() }
    const crash = runHooked(['-c', 'print("before", flush=False); raise ValueError("boom")'], me)
    expect(crash.status).toBe(1)
    expect(crash.stdout).toBe('before')
    expect(crash.stderr).toMatch(/ValueError: boom$/)
    const message = runHooked(['-c', 'raise SystemExit("bad input")'], me)
    expect([message.status, message.stderr]).toEqual([1, 'bad input'])
    const handlers = runHooked(['-c', 'import atexit; atexit.register(print, "at exit")'], me)
    expect([handlers.status, handlers.stdout]).toEqual([0, 'at exit'])
  })
})
