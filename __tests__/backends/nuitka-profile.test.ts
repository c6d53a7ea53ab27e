import { describe, expect, it } from '@jest/globals'
import {
  describeModuleCache,
  describeProfile,
  nuitkaProfile
} from '../../src/backends/nuitka/profile.js'

// The shape of Nuitka 4.3's compilation report (nuitka/reports/Reports.py), abridged.
const REPORT = `<?xml version="1.0" encoding="utf-8"?>
<nuitka-compilation-report nuitka_version="4.3.3" completion="completed">
  <module name="__main__" kind="PythonMainModule" usage="root" reason="Root module" source_path="\${cwd}/main.py">
    <optimization-time pass="1" time="0.5000" />
    <optimization-time pass="2" time="0.2500" />
  </module>
  <module name="app.core" kind="CompiledPythonModule" usage="import" reason="x" source_path="\${cwd}/app/core.py">
    <optimization-time pass="1" time="12.0000" />
  </module>
  <module name="rich.console" kind="UncompiledPythonModule" usage="import" reason="x" source_path="x" />
  <module name="rich" kind="UncompiledPythonPackage" usage="import" reason="x" source_path="x" />
  <module name="_cffi_backend" kind="PythonExtensionModule" usage="import" reason="x" source_path="x" />
  <module_usages />
  <performance-totals>
    <optimization-time pass="1" time="12.5000" module_count="2" />
    <optimization-time pass="2" time="0.2500" module_count="1" />
    <optimization-time pass="all" time="12.7500" module_count="2" />
    <code-generation-time time="3.2000" module_count="2" />
    <c-compilation-time user-cpu-time="40.0000" system-cpu-time="5.5000" module_count="2" />
    <c-linking-time user-cpu-time="2.0000" system-cpu-time="0.5000" />
  </performance-totals>
</nuitka-compilation-report>
`

describe('nuitkaProfile', () => {
  it('counts modules by kind and reads the phase totals and the slowest modules', () => {
    const p = nuitkaProfile(REPORT, 2)
    expect(p).toEqual({
      compiled: 2,
      bytecode: 2,
      extensions: 1,
      optimizationS: 12.75,
      codeGenerationS: 3.2,
      cCompileCpuS: 45.5,
      linkCpuS: 2.5,
      slowest: [
        { module: 'app.core', seconds: 12 },
        { module: '__main__', seconds: 0.75 }
      ]
    })
    expect(describeProfile(p!)).toBe(
      'Nuitka build profile: 2 module(s) compiled to C, 2 as bytecode, 1 extension module(s), optimisation 13 s, code generation 3.2 s, C compile 46 s CPU, link 2.5 s CPU; slowest to optimise: app.core 12 s, __main__ 0.8 s'
    )
  })

  it('sums the per-module times when the totals are missing, and says nothing of what is not a report', () => {
    const noTotals = REPORT.replace(/<performance-totals>[\s\S]*<\/performance-totals>/, '')
    const p = nuitkaProfile(noTotals)!
    expect(p.optimizationS).toBeCloseTo(12.75)
    expect(p.cCompileCpuS).toBeNull()
    expect(describeProfile(p)).not.toContain('C compile')
    expect(nuitkaProfile('<html></html>')).toBeNull()
    expect(describeProfile(p, 2)).toContain(
      'optimisation 13 s (including the recorded times of 2 module(s) from the module cache, not spent by this build)'
    )
  })

  it('says how many bytecode modules had to be optimised for want of a cached import record', () => {
    expect(describeModuleCache(4700, 4650)).toContain(
      '4650 had no import record and were optimised to find their imports; 50 came from the cache.'
    )
    expect(describeModuleCache(4700, 4650, { written: 4640, unread: 10, off: null })).toContain(
      '4640 of 4700 bytecode module(s) got their import record from a scan of their source; 10 had no import record and were optimised to find their imports (10 the scan could not read); 50 came from the cache.'
    )
    expect(
      describeModuleCache(10, 10, {
        written: 0,
        unread: 0,
        off: 'this Nuitka writes another module-cache format'
      })
    ).toContain('Scanned records are off: this Nuitka writes another module-cache format.')
    expect(describeModuleCache(4700, 0)).toContain(
      'all 4700 bytecode module(s) came from the cache'
    )
  })
})
