import { describe, expect, it } from '@jest/globals'
import {
  emptyEntryPointGroups,
  fixSuggestion,
  missingDataFromOutput,
  missingMetadataFromOutput,
  missingModulesFromOutput,
  splitKinds
} from '../../src/validate/diagnose.js'
import { serviceLogCheck, serviceLogErrors } from '../../src/validate/service.js'
import { deadWeight } from '../../src/validate/composition.js'
import { redact, redactThenCut } from '../../src/secrets.js'

describe('missingModulesFromOutput', () => {
  it('finds every ModuleNotFoundError name once, in order', () => {
    const out = [
      'Traceback (most recent call last):',
      '  File "main.py", line 9, in load_plugin',
      "ModuleNotFoundError: No module named 'plugins.greeter'",
      "[PYI-12:ERROR] Failed to execute script 'main' due to unhandled exception!",
      "ModuleNotFoundError: No module named 'tiktoken_ext'",
      "ModuleNotFoundError: No module named 'plugins.greeter'",
      "ImportError: cannot import name 'x' from 'y'"
    ].join('\n')
    expect(missingModulesFromOutput(out)).toEqual(['plugins.greeter', 'tiktoken_ext'])
    expect(missingModulesFromOutput('all good')).toEqual([])
  })
})

describe('fixSuggestion for missing imports', () => {
  it('renders ready-to-paste YAML per kind', () => {
    const kinds = splitKinds({
      'plugins.greeter': 'module',
      tiktoken_ext: 'package',
      nothere: 'absent'
    })
    expect(kinds).toEqual({
      modules: ['plugins.greeter'],
      packages: ['tiktoken_ext'],
      absent: ['nothere']
    })
    expect(fixSuggestion({ ...kinds, data: [], metadata: [] })).toBe(
      'hidden-imports: |\n  plugins.greeter\ncollect-submodules: |\n  tiktoken_ext'
    )
    expect(fixSuggestion({ ...splitKinds({ a: 'module' }), data: [], metadata: [] })).toBe(
      'hidden-imports: |\n  a'
    )
  })
})

describe('deadWeight', () => {
  it('lists third-party Python packages no run imported, biggest first', () => {
    const composition = {
      archiveBytes: 1000,
      entries: [
        { package: 'stdlib', bytes: 500, kinds: ['python'], distribution: null },
        { package: 'idna', bytes: 300, kinds: ['python'], distribution: 'idna' },
        { package: 'dotenv', bytes: 100, kinds: ['python'], distribution: 'python-dotenv' },
        { package: 'libssl.so.3', bytes: 100, kinds: ['binary'], distribution: null }
      ]
    }
    expect(deadWeight(composition, ['dotenv.main', 'os', 'sys'])).toEqual([
      { package: 'idna', bytes: 300 }
    ])
    expect(deadWeight(composition, ['idna', 'dotenv'])).toEqual([])
  })
})

describe('redact', () => {
  it('masks every secret, longest first', () => {
    expect(redact('key=abc123 and abc', ['abc', 'abc123'])).toBe('key=*** and ***')
    expect(redact('nothing', [''])).toBe('nothing')
  })
})

describe('missing data and metadata', () => {
  it('finds package data from jinja2 PackageLoader messages and missing files under the bundle root', () => {
    const out = [
      "ValueError: PackageLoader could not find a 'templates' directory in the 'tplcli.web' package.",
      "ValueError: The 'otherpkg' package was not installed in a way that PackageLoader understands.",
      "FileNotFoundError: [Errno 2] No such file or directory: '/tmp/_MEIa1B2c3/schemas/v1.json'",
      "FileNotFoundError: [Errno 2] No such file or directory: '/opt/app/_internal/certifi/cacert.pem'",
      "FileNotFoundError: [Errno 2] No such file or directory: 'config.yaml'"
    ].join('\n')
    expect(missingDataFromOutput(out).map(e => e.name)).toEqual([
      'tplcli',
      'otherpkg',
      'schemas',
      'certifi'
    ])
    expect(missingDataFromOutput(out)[0].line).toContain("could not find a 'templates' directory")
  })

  it('finds missing distribution metadata', () => {
    const out = [
      'importlib.metadata.PackageNotFoundError: No package metadata was found for epcli',
      "pkg_resources.DistributionNotFound: The 'my-plugin>=1.0' distribution was not found and is required by the application"
    ].join('\n')
    expect(missingMetadataFromOutput(out).map(e => e.name)).toEqual(['epcli', 'my-plugin'])
  })

  it('finds entry-point groups the binary saw empty but poetry run did not', () => {
    expect(
      emptyEntryPointGroups(
        { 'cz.plugins': ['commitizen', 'cz-emoji'], other: ['x'], unqueried: ['y'] },
        { 'cz.plugins': 0, other: 2 }
      ).map(e => e.name)
    ).toEqual(['commitizen', 'cz-emoji'])
  })

  it('renders every kind of fix as one paste-ready block', () => {
    expect(
      fixSuggestion({ modules: ['a.b'], packages: [], data: ['tplcli'], metadata: ['epcli'] })
    ).toBe('hidden-imports: |\n  a.b\ncollect-data: |\n  tplcli\ncopy-metadata: |\n  epcli')
  })
})

describe('serviceLogErrors', () => {
  it('takes the exception line of each traceback and bare import errors, once each', () => {
    const log = [
      'worker ready on 8765',
      'Traceback (most recent call last):',
      '  File "main.py", line 30, in serve',
      '    handler = importlib.import_module(f"jobs.{kind}")',
      "ModuleNotFoundError: No module named 'jobs'",
      'Traceback (most recent call last):',
      '  File "main.py", line 30, in serve',
      "ModuleNotFoundError: No module named 'jobs'",
      'WARNING worker: activity failed: PackageNotFoundError: No package metadata was found for anthropic'
    ].join('\n')
    expect(serviceLogErrors(log)).toEqual([
      "ModuleNotFoundError: No module named 'jobs'",
      'PackageNotFoundError: No package metadata was found for anthropic'
    ])
    expect(serviceLogCheck(log, null)).toMatchObject({ passed: false })
    expect(serviceLogCheck(log, log)).toMatchObject({ passed: true })
    expect(serviceLogCheck('worker ready', 'worker ready').detail).toBe(
      'no tracebacks or import errors'
    )
  })
})

describe('redactThenCut', () => {
  it('masks a secret that straddles the cut', () => {
    const secret = 'S3CRET-' + 'z'.repeat(30)
    const text = 'a'.repeat(490) + secret + ' tail'
    const cut = redactThenCut(text, [secret], 500)
    expect(cut).not.toContain('S3CRET')
    expect(cut).not.toMatch(/z{3}/)
    expect(cut.length).toBeLessThanOrEqual(501)
  })
})
