import { describe, expect, it } from '@jest/globals'
import { commonOptions } from '../../src/backends/common.js'
import { getInputs, Input, type BuildInputs } from '../../src/inputs.js'
import type { ProjectInfo } from '../../src/project/discover.js'
import type { TracedFiles } from '../../src/backends/types.js'

const project: ProjectInfo = {
  path: '/p',
  name: 'svc',
  entry: { kind: 'function', module: 'svc.cli', func: 'main', display: 'svc.cli:main' },
  hasSrcDir: false,
  lockedPackages: [],
  distribution: 'svc',
  extras: [],
  groups: [],
  groupRequirements: {}
}
const traced = (excludes: string[]): TracedFiles => ({
  sources: [],
  sharedLibraries: [],
  loadedModules: [],
  searchPaths: [],
  executables: null,
  excludes
})
const inputs = (values: Partial<Record<Input, string>>): BuildInputs => ({
  ...getInputs((name: Input): string => values[name] ?? ''),
  mode: 'onefile'
})

describe('commonOptions: what the trace leaves out (leave-out-unrequired)', () => {
  it('adds the unrequired packages to the excludes, but never one a module to bundle is in', () => {
    const o = commonOptions(
      inputs({ [Input.Excludes]: 'tkinter', [Input.HiddenImports]: 'faker.providers' }),
      project,
      {
        extraHiddenImports: ['sanic.app'],
        extraCollectData: ['botocore'],
        traced: traced(['litestar', 'sanic', 'faker', 'botocore', 'chalice'])
      }
    )
    expect(o.excludes).toEqual(['tkinter', 'litestar', 'chalice'])
  })
})
