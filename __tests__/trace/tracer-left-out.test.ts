/**
 * The tracer's package-modules rule, run for real on this machine's Python against a site folder of
 * hand-made distributions: a bundled package's modules come whole, except those that need, when
 * they load, a distribution the project does not require (its dependencies with the selected
 * extras and groups) and no traced run loaded.
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import {
  TRACER_SCRIPT,
  TRACE_CWD_ENV,
  TRACE_ENV,
  TRACE_REQUIRED_ENV
} from '../../src/trace/tracer.js'
import type { TraceRecord } from '../../src/trace/findings.js'

function write(root: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
  fs.writeFileSync(path.join(root, rel), text)
}

/** A distribution: its dist-info (METADATA with Requires-Dist, top_level.txt) and its files. */
function distribution(
  site: string,
  name: string,
  requires: string[],
  files: Record<string, string>
): void {
  const info = `${name.replace(/-/g, '_')}-1.0.dist-info`
  write(
    site,
    `${info}/METADATA`,
    [
      'Metadata-Version: 2.1',
      `Name: ${name}`,
      'Version: 1.0',
      ...requires.map(r => `Requires-Dist: ${r}`)
    ].join('\n') + '\n'
  )
  const tops = [...new Set(Object.keys(files).map(f => f.split('/')[0].replace(/\.py$/, '')))]
  write(site, `${info}/top_level.txt`, `${tops.join('\n')}\n`)
  for (const [rel, text] of Object.entries(files)) write(site, rel, text)
}

function site(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-left-out-'))
  const s = path.join(root, 'site')
  distribution(s, 'proj', ['reqlib', 'clilib ; extra == "cli"', 'webfw (>=1) ; extra == "web"'], {
    'proj/__init__.py': '',
    'proj/core.py': 'import reqlib\n',
    'proj/cli.py': 'import clilib\n',
    'proj/web/__init__.py': 'import webfw\n',
    'proj/web/views.py': 'from . import helpers\n',
    'proj/web/helpers.py': '',
    'proj/uses_web.py': 'from proj.web import views\n',
    'proj/optional.py': 'try:\n    import webfw\nexcept ImportError:\n    webfw = None\n',
    'proj/typing_only.py':
      'from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import webfw\n',
    'proj/lazy.py': 'def make():\n    import webfw\n    return webfw\n',
    'proj/pip_hook.py': 'import pip_like\n'
  })
  distribution(s, 'reqlib', [], { 'reqlib/__init__.py': '' })
  distribution(s, 'clilib', [], { 'clilib/__init__.py': '' })
  distribution(s, 'webfw', [], { 'webfw/__init__.py': '' })
  distribution(s, 'pip-like', [], { 'pip_like/__init__.py': '' })
  return root
}

let runs = 0

/** Runs a program that imports `imports` under the tracer, and returns what it recorded. */
function trace(root: string, imports: string[], required: unknown, code = ''): TraceRecord {
  const tracer = path.join(root, 'tracer.py')
  fs.writeFileSync(tracer, TRACER_SCRIPT)
  const program = path.join(root, 'program.py')
  fs.writeFileSync(program, imports.map(i => `import ${i}\n`).join('') + code)
  const out = path.join(root, `trace-${++runs}.json`)
  const cwd = fs.mkdtempSync(path.join(root, 'cwd-'))
  execFileSync(process.env.PYTHON ?? 'python3', [tracer, program], {
    env: {
      PATH: process.env.PATH,
      PYTHONPATH: path.join(root, 'site'),
      [TRACE_ENV]: out,
      [TRACE_CWD_ENV]: cwd,
      [TRACE_REQUIRED_ENV]: JSON.stringify(required)
    },
    encoding: 'utf8'
  })
  return JSON.parse(fs.readFileSync(out, 'utf8')) as TraceRecord
}

describe('package-modules leaves out integrations with distributions the project does not require', () => {
  const root = site()
  const own = { distribution: 'proj', extras: ['cli'], requirements: [], modules: [] }

  it('keeps what the requirements (with the selected extras) make importable, and guarded imports', () => {
    const r = trace(root, ['proj'], own)
    expect(r.packageModules?.proj?.sort()).toEqual(
      ['proj', 'proj.cli', 'proj.core', 'proj.lazy', 'proj.optional', 'proj.typing_only'].sort()
    )
    // What the build then leaves out of the analysis (leave-out-unrequired): never a loaded
    // distribution or a required one.
    expect(r.unrequired).toMatchObject({ webfw: 'webfw', pip_like: 'pip-like' })
    expect(Object.keys(r.unrequired ?? {})).not.toContain('reqlib')
    expect(Object.keys(r.unrequired ?? {})).not.toContain('clilib')
    expect(r.packageModulesLeftOut?.proj).toEqual({
      'proj.web': 'webfw',
      'proj.web.helpers': 'webfw',
      'proj.web.views': 'webfw',
      'proj.uses_web': 'webfw',
      'proj.pip_hook': 'pip-like'
    })
  })

  it('leaves nothing out that a selected extra, a selected group or a traced run brings in', () => {
    const all = trace(root, ['proj'], { ...own, extras: 'all' })
    expect(Object.keys(all.packageModulesLeftOut?.proj ?? {}).sort()).toEqual(['proj.pip_hook'])
    const group = trace(root, ['proj'], { ...own, requirements: ['webfw', 'pip-like'] })
    expect(group.packageModulesLeftOut).toEqual({})
    const asked = trace(root, ['proj'], { ...own, modules: ['webfw'] })
    expect(Object.keys(asked.packageModulesLeftOut?.proj ?? {})).toEqual(['proj.pip_hook'])
    const loaded = trace(root, ['proj', 'webfw'], own)
    expect(Object.keys(loaded.packageModulesLeftOut?.proj ?? {})).toEqual(['proj.pip_hook'])
    expect(loaded.packageModules?.proj).toContain('proj.uses_web')
  })

  it('records a module registered under a second name as an alias, not as a file to bundle', () => {
    const r = trace(root, ['proj', 'reqlib', 'sys'], own, "sys.modules['proj.vendored'] = reqlib\n")
    expect(r.modules['reqlib']).toBe('file')
    expect(r.modules['proj.vendored']).toBe('alias')
  })

  it('leaves nothing out when the project has no installed distribution of its own', () => {
    const r = trace(root, ['proj'], { extras: [], requirements: [] })
    expect(r.packageModulesLeftOut).toEqual({})
    expect(r.packageModules?.proj).toContain('proj.web.views')
  })
})

describe('a regular package folder the program lists for its modules', () => {
  const root = site()
  const own = { distribution: 'proj', extras: 'all', requirements: [], modules: [] }

  it('records its .py files as files to bundle when the program lists it (a glob, as tartufo finds its commands)', () => {
    const r = trace(
      root,
      ['proj', 'pathlib'],
      own,
      "found = sorted(p.name for p in (pathlib.Path(proj.__file__).parent / 'web').glob('*.py'))\n"
    )
    expect(r.sources?.proj).toEqual(['web/__init__.py', 'web/helpers.py', 'web/views.py'])
  })

  it('counts a listing made while a module is being imported, but not the import system searching the folder', () => {
    const imported = trace(root, ['proj.web.views'], own)
    expect(imported.sources ?? {}).toEqual({})
    write(
      path.join(root, 'site'),
      'proj/autoload.py',
      "import os\nNAMES = sorted(os.listdir(os.path.join(os.path.dirname(__file__), 'web')))\n"
    )
    const atImport = trace(root, ['proj.autoload'], own)
    expect(atImport.sources?.proj).toEqual(['web/__init__.py', 'web/helpers.py', 'web/views.py'])
  })
})

describe('package-modules with module names that start with a digit', () => {
  it("keeps them (Django's migrations, found with pkgutil and imported by name)", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-digit-modules-'))
    distribution(path.join(root, 'site'), 'appdist', [], {
      'app/__init__.py': '',
      'app/migrations/__init__.py': '',
      'app/migrations/0001_initial.py': '',
      'app/migrations/0002_add-field.py': ''
    })
    const r = trace(root, ['app'], { distribution: 'appdist', extras: [], requirements: [] })
    expect(r.packageModules?.app?.sort()).toEqual([
      'app',
      'app.migrations',
      'app.migrations.0001_initial'
    ])
  })
})

describe('data read from a folder named like a module loaded from elsewhere', () => {
  it("is not that module's package data (a project's locale/ beside the standard library's locale)", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-shadow-data-'))
    write(path.join(root, 'site'), 'locale/ru/LC_MESSAGES/app.mo', 'not really a catalogue')
    distribution(path.join(root, 'site'), 'appdist', [], {
      'app/__init__.py': '',
      'app/data/words.txt': 'one two'
    })
    const r = trace(
      root,
      ['app', 'locale', 'os'],
      { distribution: 'appdist', extras: [], requirements: [] },
      [
        'here = os.path.dirname(os.path.dirname(app.__file__))',
        "open(os.path.join(here, 'locale', 'ru', 'LC_MESSAGES', 'app.mo')).read()",
        "open(os.path.join(os.path.dirname(app.__file__), 'data', 'words.txt')).read()",
        ''
      ].join('\n')
    )
    expect(r.data).toEqual({ app: ['data/words.txt'] })
  })
})
