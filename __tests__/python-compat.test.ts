/**
 * The Python 3.9 stand-ins against the 3.10+ calls they replace, run on this machine's Python with
 * the real installed distributions: the stand-in path is forced by hiding the new attribute.
 */
import { describe, expect, it } from '@jest/globals'
import { PACKAGES_DISTRIBUTIONS_PY, STDLIB_NAMES_PY } from '../src/python-compat.js'
import { python } from './support/python.js'

const COMPARE = String.raw`
import importlib.metadata as md, json, sys
${PACKAGES_DISTRIBUTIONS_PY}
${STDLIB_NAMES_PY}
native_owners = md.packages_distributions()
native_stdlib = sorted(sys.stdlib_module_names)
del md.packages_distributions
stdlib_names = sys.stdlib_module_names
del sys.stdlib_module_names
try:
    fallback_owners = _pba_packages_distributions()
    fallback_stdlib = sorted(_pba_stdlib_names())
finally:
    sys.stdlib_module_names = stdlib_names
print(json.dumps({'native': native_owners, 'fallback': fallback_owners,
                  'nativeStdlib': native_stdlib, 'fallbackStdlib': fallback_stdlib}))
`

interface Compared {
  native: Record<string, string[]>
  fallback: Record<string, string[]>
  nativeStdlib: string[]
  fallbackStdlib: string[]
}

describe('Python 3.9 stand-ins for 3.10+ standard-library calls', () => {
  const r = python<Compared>(COMPARE, null)

  it('maps top-level names to distributions as packages_distributions() does', () => {
    expect(Object.keys(r.fallback).length).toBeGreaterThan(0)
    for (const [top, names] of Object.entries(r.fallback)) {
      for (const name of names) expect(r.native[top]).toContain(name)
    }
    // pip is installed with every venv-capable Python; its top-level package is found.
    expect(r.fallback['pip']).toEqual(r.native['pip'])
  })

  it('names the standard library without sys.stdlib_module_names, and no installed package', () => {
    for (const name of ['os', 'json', 'importlib', 'sys', 'collections'])
      expect(r.fallbackStdlib).toContain(name)
    // Beyond stdlib_module_names it finds only the interpreter's own test and demo modules
    // (_testcapi, __hello__…), never the top-level name of an installed distribution.
    const installed = new Set(Object.keys(r.native))
    expect(r.fallbackStdlib.filter(n => installed.has(n) && !r.nativeStdlib.includes(n))).toEqual(
      []
    )
    expect(r.fallbackStdlib).not.toContain('pip')
  })
})
