import { describe, expect, it } from '@jest/globals'
import { parseWarnFile, topLevelMissing } from '../../src/backends/pyinstaller/warnings.js'
import { upxOutcomeFromLog } from '../../src/backends/pyinstaller/build.js'

const WARN = `
This file lists modules PyInstaller was not able to find.

missing module named _frozen_importlib_external - imported by importlib._bootstrap (delayed), importlib (optional), importlib.abc (optional)
excluded module named _frozen_importlib - imported by importlib (optional), importlib.abc (optional)
missing module named 'org.python' - imported by copy (optional)
missing module named nt - imported by shutil (conditional), os (delayed, conditional, optional)
missing module named plugins - imported by main (top-level)
missing module named 'yaml.cyaml' - imported by yaml (top-level, optional), config (top-level)
missing module named _winapi - imported by encodings (delayed, conditional, optional), ntpath (optional), subprocess (top-level)
missing module named multiprocessing.get_context - imported by multiprocessing (top-level), multiprocessing.pool (top-level)
`

describe('parseWarnFile', () => {
  it('reads names, importers and kinds', () => {
    const mods = parseWarnFile(WARN)
    expect(mods.map(m => m.name)).toEqual([
      '_frozen_importlib_external',
      'org.python',
      'nt',
      'plugins',
      'yaml.cyaml',
      '_winapi',
      'multiprocessing.get_context'
    ])
    expect(mods[2].importedBy).toEqual([
      { module: 'shutil', kinds: ['conditional'] },
      { module: 'os', kinds: ['delayed', 'conditional', 'optional'] }
    ])
  })
  it('keeps only real top-level misses: not other platforms, not attribute imports', () => {
    expect(topLevelMissing(parseWarnFile(WARN)).map(m => m.name)).toEqual(['plugins', 'yaml.cyaml'])
  })
})

describe('upxOutcomeFromLog', () => {
  it('counts UPX attempts and failures from PyInstaller output', () => {
    const log = [
      '60 WARNING: UPX is available and force-enabled on platform with known compatibility problems - use at own risk!',
      '3216 INFO: Executing: /tmp/upx-shim/upx --compress-icons=0 --lzma -q /c/_struct.so',
      "3243 WARNING: Failed to upx strip on '/c/_struct.so'!",
      '3243 WARNING: Output from upx command:',
      "upx: ../../../src/file.cpp:274: Assertion `(unsigned)len <= buf->getSize()' failed.",
      '3246 INFO: Executing: /tmp/upx-shim/upx --compress-icons=0 --lzma -q /c/zlib.so',
      '3300 INFO: Executing: strip /c/zlib.so'
    ].join('\n')
    expect(upxOutcomeFromLog(log)).toEqual({
      enabled: true,
      attempted: 2,
      failed: 1,
      firstError:
        "upx: ../../../src/file.cpp:274: Assertion `(unsigned)len <= buf->getSize()' failed.",
      compressedFiles: ['/c/zlib.so']
    })
    expect(upxOutcomeFromLog('UPX is available but is disabled on non-Windows').enabled).toBe(false)
  })
})
