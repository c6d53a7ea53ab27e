import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  appliedBootstrapEdits,
  BOOTSTRAP_NOT_RECOGNISED,
  BYTECODE_PAGES_NOT_RECOGNISED,
  pluginLines,
  EXTRACTION_MARKER,
  REUSE_NOT_RECOGNISED,
  RUNTIME_FIRST_APPLIED,
  RUNTIME_FIRST_FILE,
  RUNTIME_FIRST_NOT_RECOGNISED
} from '../../src/backends/nuitka/bootstrap.js'
import { probePlugin } from '../../src/backends/nuitka/python.js'
import { runPluginCode as runPlugin } from '../support/nuitka-plugin.js'

const pluginFile = (): string => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pba-plugin-')), 'plugin.py')
  fs.writeFileSync(file, probePlugin({ buildId: 'abc123', postLoad: [] }))
  return file
}

/** runPluginCode on the default plugin. */
function runPluginCode(body: string[], args: string[] = []): string {
  return runPlugin(pluginFile(), body, args)
}

/** The plugin's own _pba_patch_bootstrap on a source: [patched, notes, patching twice is a no-op]. */
function patch(source: string): [string, [boolean, string][], boolean] {
  const out = runPluginCode(
    [
      "once, notes = ns['_pba_patch_bootstrap'](open(sys.argv[2]).read())",
      "twice, _ = ns['_pba_patch_bootstrap'](once)",
      'print(json.dumps([once, notes, twice == once]))'
    ],
    [writeTemp('bootstrap.c', source)]
  )
  return JSON.parse(out) as [string, [boolean, string][], boolean]
}

function writeTemp(name: string, text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pba-bootstrap-')), name)
  fs.writeFileSync(file, text)
  return file
}

// The shape of Nuitka 4.3's OnefileBootstrap.c where it forwards signals (abridged).
const SIGNALS = [
  'static void cleanupChildProcess(bool send_sigint) {',
  '    if (send_sigint) {',
  '        kill(handle_process, SIGINT);',
  '    }',
  '}',
  'void ourConsoleCtrlHandler(int sig, siginfo_t *info, void *ucontext) {',
  '    cleanupChildProcess(true);',
  '}'
].join('\n')

const HARNESS = fs.readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.url)), 'onefile-harness.c'),
  'utf8'
)

describe('the onefile bootstrap edits', () => {
  it('send on the signal the bootstrap got (SIGTERM stays SIGTERM), or say they cannot', () => {
    const [patched, notes, idempotent] = patch(SIGNALS)
    expect(patched).toContain('static volatile sig_atomic_t pba_forwarded_signal = SIGINT;')
    expect(patched).toContain('kill(handle_process, pba_forwarded_signal);')
    expect(patched).not.toContain('kill(handle_process, SIGINT);')
    expect(patched).toMatch(/ucontext\) \{\n {4}pba_forwarded_signal = sig;/)
    // The slot is declared before the function that reads it.
    expect(patched.indexOf('sig_atomic_t pba_forwarded_signal')).toBeLessThan(
      patched.indexOf('kill(handle_process')
    )
    expect(idempotent).toBe(true)
    // This source has no extraction loop: the reuse edit says it did not apply, the other did.
    expect(notes).toEqual([
      [true, 'the onefile bootstrap forwards SIGTERM as SIGTERM'],
      [false, REUSE_NOT_RECOGNISED]
    ])
    // A bootstrap of another shape is left alone, and the build says so.
    const other = SIGNALS.replace('kill(handle_process, SIGINT);', 'forward(handle_process);')
    const [unchanged, otherNotes] = patch(other)
    expect(unchanged).toBe(other)
    expect(otherNotes[0]).toEqual([false, BOOTSTRAP_NOT_RECOGNISED])
  })

  it.each([
    ['stored', []],
    ['compressed', ['-DHARNESS_COMPRESSION']]
  ])(
    'make a start skip reading files a complete extraction of the same payload left (%s archive; gcc, real files)',
    (_form, defines) => {
      const [patched, notes, idempotent] = patch(HARNESS)
      expect(notes[1]).toEqual([
        true,
        'the onefile bootstrap reuses a complete extraction without reading it again'
      ])
      expect(idempotent).toBe(true)
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-harness-'))
      const binary = path.join(dir, 'harness')
      execFileSync(
        'gcc',
        ['-std=gnu11', '-Wall', '-Werror', '-O1', ...defines, '-o', binary, '-x', 'c', '-'],
        {
          input: patched
        }
      )
      const folder = path.join(dir, 'extracted')
      fs.mkdirSync(folder)
      const start = (...files: string[]): string =>
        execFileSync(binary, [folder, ...files], { encoding: 'utf8' }).trim()
      const payload = ['a.txt=alpha', 'b.txt=bravo']
      const marker = path.join(folder, EXTRACTION_MARKER)

      // First start: nothing there, every file checked (missing) and written; then the marker.
      expect(start(...payload)).toBe('checked=2 written=2')
      expect(fs.readFileSync(marker, 'utf8')).toMatch(/^pba1 [0-9a-f]{16}\n$/)
      // Warm start: the marker matches this payload, so no file is read at all.
      expect(start(...payload)).toBe('checked=0 written=0')
      // A truncated file is noticed by its size, checked and written again.
      fs.writeFileSync(path.join(folder, 'b.txt'), 'br')
      expect(start(...payload)).toBe('checked=1 written=1')
      expect(fs.readFileSync(path.join(folder, 'b.txt'), 'utf8')).toBe('bravo')
      // A removed file too.
      fs.rmSync(path.join(folder, 'a.txt'))
      expect(start(...payload)).toBe('checked=1 written=1')
      expect(fs.readFileSync(path.join(folder, 'a.txt'), 'utf8')).toBe('alpha')
      // Another payload with files of the same sizes: its digest differs from the marker's, so every
      // file's CRC32 is read as Nuitka does, the changed one is written, and the marker is renewed.
      const before = fs.readFileSync(marker, 'utf8')
      expect(start('a.txt=alpha', 'b.txt=BRAVO')).toBe('checked=2 written=1')
      expect(fs.readFileSync(path.join(folder, 'b.txt'), 'utf8')).toBe('BRAVO')
      expect(fs.readFileSync(marker, 'utf8')).not.toBe(before)
      expect(start('a.txt=alpha', 'b.txt=BRAVO')).toBe('checked=0 written=0')
      // A marker that is not ours (or half-written) is not trusted.
      fs.writeFileSync(marker, 'pba1 0000')
      expect(start('a.txt=alpha', 'b.txt=BRAVO')).toBe('checked=2 written=0')
      expect(fs.readdirSync(folder).sort()).toEqual([EXTRACTION_MARKER, 'a.txt', 'b.txt'])
    }
  )
})

describe('appliedBootstrapEdits', () => {
  it('reads from a build log which edits the plugin applied', () => {
    const log = [
      'Nuitka-Plugins:poetry-binary-action-probe: poetry-binary-action: the onefile bootstrap forwards SIGTERM as SIGTERM',
      `Nuitka-Plugins:WARNING: poetry-binary-action-probe: poetry-binary-action: ${REUSE_NOT_RECOGNISED}`
    ].join('\n')
    expect(appliedBootstrapEdits(log)).toEqual([
      'the onefile bootstrap forwards SIGTERM as SIGTERM'
    ])
    expect(appliedBootstrapEdits('')).toEqual([])
    // Every line the plugin said, warnings too, once each and in order.
    expect(pluginLines(`${log}\n${log}\nNuitka: unrelated`)).toEqual([
      'the onefile bootstrap forwards SIGTERM as SIGTERM',
      REUSE_NOT_RECOGNISED
    ])
  })
})

describe('the bytecode-pages edit of the module loader', () => {
  /** Nuitka's three files in the shape the edit knows (abridged), installed, and a build folder. */
  function layout(loaderExtra = ''): { installed: string; staticDir: string } {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-loader-'))
    const installed = path.join(root, 'nuitka', 'build', 'static_src')
    fs.mkdirSync(installed, { recursive: true })
    fs.writeFileSync(
      path.join(installed, 'CompiledFunctionType.c'),
      '#include "nuitka/prelude.h"\n#include "CompiledCodeHelpers.c"\n'
    )
    fs.writeFileSync(
      path.join(installed, 'CompiledCodeHelpers.c'),
      '#include "nuitka/prelude.h"\n#include "HelpersBytes.c"\n#include "MetaPathBasedLoader.c"\n'
    )
    fs.writeFileSync(path.join(installed, 'HelpersBytes.c'), '/* bytes */\n')
    fs.writeFileSync(path.join(installed, 'MetaPathBasedLoaderResourceReader.c'), '/* r */\n')
    fs.writeFileSync(
      path.join(installed, 'MetaPathBasedLoader.c'),
      [
        'static struct Nuitka_MetaPathBasedLoaderEntry *findEntry(char const *name, bool internal) {',
        '    for (int i = 0; i < loader_entry_count; i++) {',
        '        if (compareToEntryName(name, loader_entries[i])) {',
        '            return loader_entries[i];',
        '        }',
        '    }',
        '    return NULL;',
        '}',
        'static char **_bytecode_data = NULL;',
        '    PyCodeObject *code_object =',
        '        (PyCodeObject *)PyMarshal_ReadObjectFromString(_bytecode_data[entry->bytecode_index], entry->bytecode_size);',
        '#include "MetaPathBasedLoaderResourceReader.c"',
        'void registerMetaPathBasedLoader(void) {',
        '    loader_entry_count = entry_count;',
        '}',
        loaderExtra
      ].join('\n')
    )
    const staticDir = path.join(root, 'build', 'static_src')
    fs.mkdirSync(staticDir, { recursive: true })
    // Nuitka links the file into the build folder.
    fs.symlinkSync(
      path.join(installed, 'CompiledFunctionType.c'),
      path.join(staticDir, 'CompiledFunctionType.c')
    )
    return { installed, staticDir }
  }

  function edit(staticDir: string): [boolean, string] {
    const out = runPluginCode(
      ["print(json.dumps(ns['_pba_edit_loader'](sys.argv[2])))"],
      [staticDir]
    )
    return JSON.parse(out) as [boolean, string]
  }

  it('points the build at patched copies, every other include at Nuitka’s own file', () => {
    const { installed, staticDir } = layout()
    expect(edit(staticDir)).toEqual([
      true,
      'the program gives back the pages of its bytecode once it has read them'
    ])
    const entry = path.join(staticDir, 'CompiledFunctionType.c')
    // The link is replaced, Nuitka's installed file is untouched.
    expect(fs.lstatSync(entry).isSymbolicLink()).toBe(false)
    expect(fs.readFileSync(entry, 'utf8')).toContain('#include "pba/CompiledCodeHelpers.c"')
    expect(fs.readFileSync(path.join(installed, 'CompiledFunctionType.c'), 'utf8')).toContain(
      '#include "CompiledCodeHelpers.c"\n'
    )
    const helpers = fs.readFileSync(path.join(staticDir, 'pba', 'CompiledCodeHelpers.c'), 'utf8')
    expect(helpers).toContain(`#include "${path.join(installed, 'HelpersBytes.c')}"`)
    expect(helpers).toContain('#include "MetaPathBasedLoader.c"') // the copy beside it
    expect(helpers).toContain('#include "nuitka/prelude.h"') // not a static_src file: as it was
    const loader = fs.readFileSync(path.join(staticDir, 'pba', 'MetaPathBasedLoader.c'), 'utf8')
    expect(loader).toContain(
      `#include "${path.join(installed, 'MetaPathBasedLoaderResourceReader.c')}"`
    )
    expect(loader.indexOf('static void pbaReleaseBytecode')).toBeGreaterThan(
      loader.indexOf('static char **_bytecode_data = NULL;')
    )
    expect(loader).toMatch(
      /bytecode_size\);\n#ifdef PBA_BYTECODE_RELEASE\n {8}pbaReleaseBytecode\(/
    )
    expect(loader).toContain('    pbaBytecodeBounds(_loader_entries, entry_count);')
    expect(loader).toContain('static void pbaBuildEntryIndex(void) {')
    // A second call (Nuitka may call the hook again) changes nothing.
    const before = fs.readFileSync(entry, 'utf8')
    expect(edit(staticDir)[0]).toBe(true)
    expect(fs.readFileSync(entry, 'utf8')).toBe(before)
  })

  it('leaves a loader of another shape alone and says so', () => {
    const { staticDir } = layout('static char **_bytecode_data = NULL;\n')
    expect(edit(staticDir)).toEqual([false, BYTECODE_PAGES_NOT_RECOGNISED])
    expect(fs.lstatSync(path.join(staticDir, 'CompiledFunctionType.c')).isSymbolicLink()).toBe(true)
    expect(fs.existsSync(path.join(staticDir, 'pba'))).toBe(false)
  })
})

describe("the module loader's findEntry edit", () => {
  it('answers every name as Nuitka’s linear search does, from an index (gcc)', () => {
    const harness = fs.readFileSync(
      path.join(path.dirname(fileURLToPath(import.meta.url)), 'find-entry-harness.c'),
      'utf8'
    )
    // The plugin's own findEntry edit, taken from its table of loader edits.
    const patched = runPluginCode(
      [
        'text = open(sys.argv[2]).read()',
        "edits = [e for e in ns['_PBA_LOADER_EDITS'] if 'findEntry' in e[0]]",
        'assert len(edits) == 1 and text.count(edits[0][0]) == 1',
        'sys.stdout.write(text.replace(edits[0][0], edits[0][1]))'
      ],
      [writeTemp('harness.c', harness)]
    )
    expect(patched).toContain('static struct Nuitka_MetaPathBasedLoaderEntry *pbaFindEntryLinear(')
    const binary = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pba-find-')), 'harness')
    execFileSync('gcc', ['-std=gnu11', '-Wall', '-Werror', '-O1', '-o', binary, '-x', 'c', '-'], {
      input: patched
    })
    expect(execFileSync(binary, [], { encoding: 'utf8' }).trim()).toBe(
      'empty=-1 mismatches=0 dup=9 dup_internal=5 pkg.x=7 pkg.y=3 ns.a=40 ns.b=40 missing=-1'
    )
  })
})

describe('the onefile compression level', () => {
  it("makes Nuitka's compressor answer the level asked for, or says why it cannot", () => {
    // A stand-in for nuitka.tools.onefile_compressor.OnefileCompressor, shaped as in 4.3.3.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-compressor-'))
    const pkg = path.join(root, 'nuitka', 'tools', 'onefile_compressor')
    fs.mkdirSync(pkg, { recursive: true })
    for (const dir of ['nuitka', 'nuitka/tools', 'nuitka/tools/onefile_compressor'])
      fs.writeFileSync(path.join(root, dir, '__init__.py'), '')
    fs.writeFileSync(
      path.join(pkg, 'OnefileCompressor.py'),
      'def getCompressorLevel(low_memory):\n    return 3 if low_memory else 22\n\n' +
        'def cacheKey(low_memory):\n    return getCompressorLevel(low_memory)\n'
    )
    const run = (body: string): string =>
      runPluginCode(['sys.path.insert(0, sys.argv[2])', body], [root]).trim()
    // Nuitka's own callers (the compressor and its cache key) now get 9, with --low-memory too.
    expect(
      run(
        "print(ns['_pba_set_compression_level'](9)); from nuitka.tools.onefile_compressor import OnefileCompressor as c; print(c.cacheKey(False), c.cacheKey(True))"
      )
    ).toBe('None\n9 9')
    fs.writeFileSync(path.join(pkg, 'OnefileCompressor.py'), 'LEVEL = 22\n')
    expect(run("print(ns['_pba_set_compression_level'](9))")).toBe(
      'its onefile compressor has no getCompressorLevel'
    )
  })
})

describe("Nuitka's runtime compiled first", () => {
  /**
   * A build folder as Nuitka leaves it (module files, static_src/CompiledFunctionType.c linked to
   * the installed copy after the loader edit pointed it at pba/), and the installed static_src.
   */
  function buildFolder(extra: string[] = []): { source: string; installed: string } {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-runtime-'))
    const installed = path.join(root, 'installed')
    const source = path.join(root, 'build')
    fs.mkdirSync(installed, { recursive: true })
    fs.mkdirSync(path.join(source, 'static_src', 'pba'), { recursive: true })
    fs.writeFileSync(path.join(installed, 'Helper.c'), 'int helper(void) { return 2; }\n')
    fs.writeFileSync(
      path.join(installed, 'CompiledFunctionType.c'),
      '#include "Helper.c"\n#include "pba/Loader.c"\nint runtime(void) { return helper() + loader(); }\n'
    )
    fs.writeFileSync(
      path.join(source, 'static_src', 'pba', 'Loader.c'),
      'int loader(void) { return 3; }\n'
    )
    fs.symlinkSync(
      path.join(installed, 'CompiledFunctionType.c'),
      path.join(source, 'static_src', 'CompiledFunctionType.c')
    )
    for (const name of ['__helpers.c', 'module.pkg.c', ...extra])
      fs.writeFileSync(path.join(source, name), `/* ${name} */\n`)
    return { source, installed }
  }

  const move = (source: string): [boolean, string] | null =>
    JSON.parse(
      runPluginCode(["print(json.dumps(ns['_pba_compile_runtime_first'](sys.argv[2])))"], [source])
    ) as [boolean, string] | null

  /** The preprocessed text gcc compiles for a file of the build folder, as Nuitka's scons calls it. */
  const preprocessed = (source: string, installed: string, file: string): string =>
    execFileSync('gcc', ['-E', '-P', '-I', source, '-I', installed, path.join(source, file)], {
      encoding: 'utf8'
    })

  it('puts the runtime first in the order scons compiles in, as the same C (gcc)', () => {
    const { source, installed } = buildFolder()
    const before = preprocessed(source, installed, 'static_src/CompiledFunctionType.c')
    expect(move(source)).toEqual([true, RUNTIME_FIRST_APPLIED])
    const cFiles = (dir: string): string[] =>
      fs
        .readdirSync(dir)
        .filter(n => n.endsWith('.c'))
        .sort()
    // First by name in the build folder, and no longer a C file of its own in static_src.
    expect(cFiles(source)).toEqual([RUNTIME_FIRST_FILE, '__helpers.c', 'module.pkg.c'])
    expect(cFiles(path.join(source, 'static_src'))).toEqual([])
    expect(preprocessed(source, installed, RUNTIME_FIRST_FILE)).toBe(before)
    // The installed file is untouched, and a second call changes nothing.
    expect(fs.readFileSync(path.join(installed, 'CompiledFunctionType.c'), 'utf8')).toContain(
      'int runtime(void)'
    )
    expect(move(source)).toEqual([true, RUNTIME_FIRST_APPLIED])
    expect(preprocessed(source, installed, RUNTIME_FIRST_FILE)).toBe(before)
  })

  it('leaves a build folder of another shape alone, and says so', () => {
    const { source } = buildFolder(['Aaa.c'])
    expect(move(source)).toEqual([false, RUNTIME_FIRST_NOT_RECOGNISED])
    expect(fs.existsSync(path.join(source, 'static_src', 'CompiledFunctionType.c'))).toBe(true)
    expect(fs.existsSync(path.join(source, RUNTIME_FIRST_FILE))).toBe(false)
  })
})
