import { describe, expect, it } from '@jest/globals'
import {
  hiddenImportsSuggestion,
  missingModulesFromOutput,
  splitKinds
} from '../../src/validate/diagnose.js'
import { deadWeight } from '../../src/validate/composition.js'
import { redact } from '../../src/secrets.js'

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

describe('hiddenImportsSuggestion', () => {
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
    expect(hiddenImportsSuggestion(kinds)).toBe(
      'hidden-imports: |\n  plugins.greeter\ncollect-submodules: |\n  tiktoken_ext'
    )
    expect(hiddenImportsSuggestion(splitKinds({ a: 'module' }))).toBe('hidden-imports: |\n  a')
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
