import { describe, expect, it } from '@jest/globals'
import {
  describeAdditions,
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
      'hidden-imports: p.q ("greet": importlib.import_module("p.q"))',
      'collect-data: pkg ("greet": used a, b, c and 2 more)'
    ])
  })
})

describe('normalizeDistribution', () => {
  it('follows PEP 503', () => {
    expect(normalizeDistribution('Foo_Bar.baz')).toBe('foo-bar-baz')
  })
})
