/**
 * Edits the user plugin makes to Nuitka's onefile bootstrap (`static_src/OnefileBootstrap.c`,
 * copied into the build folder before it is compiled). Each edit set is applied on its own, only
 * when every piece of Nuitka's source it replaces occurs exactly once, so a newer Nuitka of another
 * shape gets its bootstrap unchanged and the build log says which edit did not apply.
 *
 * 1. Signals. The bootstrap (Nuitka 4.3: ourConsoleCtrlHandler and cleanupChildProcess) catches
 *    SIGINT, SIGQUIT and SIGTERM sent to the binary with kill(2) and sends the program SIGINT for
 *    each of them: a service that handles only SIGTERM gets a KeyboardInterrupt instead. With the
 *    edit the handler records the signal it got and sends that one on. Ctrl-C from a terminal
 *    reaches the program from the kernel directly, as before.
 *
 * 2. Reuse of a complete extraction. With `--onefile-cache-mode=cached` every start reads each
 *    file it extracted before, whole, to compare its CRC32 with the payload's (Nuitka 4.3:
 *    getFileCRC32 in the extraction loop): on the Temporal example that is most of the gap between
 *    a warm start and the bare venv interpreter. With the edit a start first reads the payload's
 *    index alone (names, sizes and CRC32s, never the compressed data) into a 64-bit digest. The
 *    first start that extracts every file writes that digest into a marker file in the folder;
 *    a later start whose digest matches the marker takes a file as extracted when it is a regular
 *    file of the right size (lstat), and checks the CRC32 of any other as before. So a folder left
 *    half-written, a file removed or truncated, or a different payload in the same folder is
 *    repaired as Nuitka would; a file rewritten in place to the same size is not looked at, as
 *    with any unpacked program. Then the launcher drops its resident copy of the payload (madvise
 *    on the pages that hold only payload, MADV_PAGEOUT), which it never reads again while the
 *    program runs.
 *    Only the archive form (--onefile-as-archive) with a cached folder on Linux and macOS.
 *
 * 3. Bytecode pages (the program itself, every mode, Linux). Modules included as bytecode are
 *    marshalled into the binary's read-only constants blob. At start Nuitka walks the blob's whole
 *    bytecode table, and the kernel maps 64 KiB around each page it touches, so the entire blob
 *    (43 MB of the Temporal worker's 152 MB) stays resident, where `poetry run` reads each .pyc
 *    into a buffer it frees. With the edit the loader gives those pages back (MADV_DONTNEED) once
 *    the table is read, and again after each module is unmarshalled: its 64 KiB windows, never
 *    past the table's own whole pages. The pages are never written (the blob is `const`), so a
 *    later read maps them again from the file, unchanged. Nuitka's loader is included from
 *    CompiledCodeHelpers.c, which CompiledFunctionType.c includes: the edit writes patched copies
 *    of both into the build's static_src/pba/ (every other file they include is Nuitka's own,
 *    by its full path) and points CompiledFunctionType.c at them.
 */

/** What the plugin logs when the signal edit does not apply (a newer Nuitka). */
export const BOOTSTRAP_NOT_RECOGNISED =
  'onefile bootstrap not recognised, so SIGTERM to the binary reaches the program as SIGINT (KeyboardInterrupt)'

/** What the plugin logs when the reuse edit does not apply. */
export const REUSE_NOT_RECOGNISED =
  'onefile bootstrap not recognised, so every start reads each extracted file whole to check it'

/** What the plugin logs when the bytecode-pages edit does not apply. */
export const BYTECODE_PAGES_NOT_RECOGNISED =
  "Nuitka's module loader not recognised, so the bytecode of every included module stays resident"

/** What it logs when it did. */
const BYTECODE_APPLIED = 'the program gives back the pages of its bytecode once it has read them'

/** What the plugin logs when Nuitka's runtime is compiled first, and when it cannot be. */
export const RUNTIME_FIRST_APPLIED = "Nuitka's runtime is compiled first, beside the modules"
export const RUNTIME_FIRST_NOT_RECOGNISED =
  "the build folder's C files not recognised, so Nuitka's runtime is compiled last, alone"

/**
 * The build-folder file that compiles Nuitka's runtime: first in name order (upper case sorts
 * before Nuitka's own `__*.c` and `module.*.c`).
 */
export const RUNTIME_FIRST_FILE = 'PbaRuntimeFirst.c'

/** The marker a complete extraction leaves in its folder (name only; the digest is inside). */
export const EXTRACTION_MARKER = '.poetry-binary-action-extracted'

const REUSE_C = String.raw`
/* poetry-binary-action: reuse of a complete extraction (see its Nuitka plugin). */
#if !defined(_WIN32) && !defined(__MSYS__) && _NUITKA_ONEFILE_TEMP_BOOL == 0 && _NUITKA_ONEFILE_ARCHIVE_BOOL == 1
#define PBA_REUSE 1
#include <sys/mman.h>
static int pba_reuse_known = 0;
static unsigned long long pba_index_digest = 0;

static void pbaDigest(void const *data, size_t size) {
    unsigned char const *p = (unsigned char const *)data;
    for (size_t i = 0; i < size; i++) {
        pba_index_digest ^= p[i];
        pba_index_digest *= 1099511628211ULL;
    }
}

static void pbaMarkerPath(char *buffer, size_t size) {
    snprintf(buffer, size, "%s/${EXTRACTION_MARKER}", payload_path);
}

/* Reads the payload's index (never its data) into the digest, then the folder's marker. */
static void pbaCheckExtraction(void) {
    unsigned char const *start = payload_current;
    pba_index_digest = 14695981039346656037ULL;
    for (;;) {
        filename_char_t *filename = readPayloadFilename();
        pbaDigest(filename, strlen(filename) + 1);
        if (filename[0] == 0) {
            break;
        }
        unsigned char flags = readPayloadFileFlagsValue();
        pbaDigest(&flags, 1);
        if (flags & 2) {
            filename_char_t *link = readPayloadFilename();
            pbaDigest(link, strlen(link) + 1);
            continue;
        }
        unsigned long long size = readPayloadSizeValue();
        uint32_t checksum = readPayloadChecksumValue();
        pbaDigest(&size, sizeof(size));
        pbaDigest(&checksum, sizeof(checksum));
#if _NUITKA_ONEFILE_COMPRESSION_BOOL == 1
        /* Nuitka's reader fills 4 bytes of an unsigned long long: only the low 32 bits are the size. */
        payload_current += (uint32_t)readArchiveFileSizeValue();
#else
        payload_current += size;
#endif
    }
    payload_current = start;

    char marker[4200];
    pbaMarkerPath(marker, sizeof(marker));
    char expected[64];
    snprintf(expected, sizeof(expected), "pba1 %016llx\n", pba_index_digest);
    FILE *f = fopen(marker, "rb");
    if (f != NULL) {
        char got[64] = {0};
        size_t n = fread(got, 1, sizeof(got) - 1, f);
        fclose(f);
        pba_reuse_known = n == strlen(expected) && memcmp(got, expected, n) == 0;
    }
}

static uint32_t pbaExistingChecksum(filename_char_t const *path, unsigned long long size, uint32_t contained) {
    if (pba_reuse_known) {
        struct stat st;
        if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) && (unsigned long long)st.st_size == size) {
            return contained;
        }
    }
    return getFileCRC32(path);
}

/* Every file is in place: the marker says so for this payload (written whole, then renamed). */
static void pbaRecordExtraction(void) {
    if (!pba_reuse_known) {
        char marker[4200];
        char temp[4300];
        pbaMarkerPath(marker, sizeof(marker));
        snprintf(temp, sizeof(temp), "%s.%ld", marker, (long)getpid());
        FILE *f = fopen(temp, "wb");
        if (f != NULL) {
            int ok = fprintf(f, "pba1 %016llx\n", pba_index_digest) > 0;
            ok = (fclose(f) == 0) && ok;
            if (!ok || rename(temp, marker) != 0) {
                unlink(temp);
            }
        }
    }
    /* The launcher never reads the payload again: give back the pages that hold only payload
       (MADV_PAGEOUT reclaims them, and loses nothing whatever kind of memory they are). */
#ifdef MADV_PAGEOUT
    long page = sysconf(_SC_PAGESIZE);
    if (page > 0 && payload_data != NULL && payload_size > (unsigned long long)(2 * page)) {
        uintptr_t mask = (uintptr_t)page - 1;
        uintptr_t from = ((uintptr_t)payload_data + mask) & ~mask;
        uintptr_t to = ((uintptr_t)payload_data + (uintptr_t)payload_size) & ~mask;
        if (to > from) {
            madvise((void *)from, to - from, MADV_PAGEOUT);
        }
    }
#endif
}
#endif
`

const BYTECODE_RELEASE_C = String.raw`
/* poetry-binary-action: give back the bytecode blob's pages (see its Nuitka plugin). */
#if defined(__linux__) && !_NUITKA_EXPERIMENTAL_WRITEABLE_CONSTANTS
#define PBA_BYTECODE_RELEASE 1
#include <sys/mman.h>
#include <unistd.h>
static uintptr_t pba_bytecode_lo = 0;
static uintptr_t pba_bytecode_hi = 0;

/* [from, to) and the 64 KiB fault-around windows it lies in, within the table's whole pages. */
static void pbaReleaseBytecode(uintptr_t from, uintptr_t to) {
    uintptr_t const window = 65536;
    from &= ~(window - 1);
    to = (to + window - 1) & ~(window - 1);
    if (from < pba_bytecode_lo) {
        from = pba_bytecode_lo;
    }
    if (to > pba_bytecode_hi) {
        to = pba_bytecode_hi;
    }
    if (to > from) {
        madvise((void *)from, to - from, MADV_DONTNEED);
    }
}

static void pbaBytecodeBounds(struct Nuitka_MetaPathBasedLoaderEntry **entries, int count) {
    uintptr_t lo = UINTPTR_MAX;
    uintptr_t hi = 0;
    for (int i = 0; i < count; i++) {
        struct Nuitka_MetaPathBasedLoaderEntry const *entry = entries[i];
        if (entry != NULL && (entry->flags & NUITKA_BYTECODE_FLAG) != 0 && entry->bytecode_size > 0) {
            uintptr_t from = (uintptr_t)_bytecode_data[entry->bytecode_index];
            uintptr_t to = from + (uintptr_t)entry->bytecode_size;
            if (from < lo) {
                lo = from;
            }
            if (to > hi) {
                hi = to;
            }
        }
    }
    long page = sysconf(_SC_PAGESIZE);
    if (page <= 0 || hi <= lo) {
        return;
    }
    uintptr_t mask = (uintptr_t)page - 1;
    uintptr_t first = (lo + mask) & ~mask;
    uintptr_t last = hi & ~mask;
    if (last > first) {
        pba_bytecode_lo = first;
        pba_bytecode_hi = last;
        madvise((void *)first, last - first, MADV_DONTNEED);
    }
}
#endif
`

/**
 * Nuitka's findEntry compares the name with every loader entry in turn, copying each entry's
 * name first: on a build of 5000 modules that was a quarter of a `--version` start (perf:
 * strcmp, strlen and the loop). The index answers plain names from a hash table built once, and
 * still compares entries whose names are computed (m_get_name, m_compare_name) in turn; the first
 * entry in Nuitka's order wins, skipping internal ones unless asked, exactly as before.
 */
const FIND_ENTRY_C = String.raw`
/* poetry-binary-action: findEntry through an index of the loader entries' names. */
static struct Nuitka_MetaPathBasedLoaderEntry *pbaFindEntryLinear(char const *name, bool internal);
static int *pba_slots = NULL;   /* open addressing: first entry index of each plain name, -1 empty */
static int *pba_next = NULL;    /* the next entry index with the same plain name, -1 none */
static int *pba_computed = NULL; /* ascending indexes of entries with computed names */
static int pba_computed_count = 0;
static int pba_indexed = -1;    /* loader_entry_count the index was built for; 0 none possible */
static size_t pba_mask = 0;

static size_t pbaNameHash(char const *name) {
    size_t h = 1469598103934665603ULL & (size_t)-1;
    for (unsigned char const *p = (unsigned char const *)name; *p; p++) {
        h = (h ^ *p) * (size_t)1099511628211ULL;
    }
    return h;
}

static void pbaBuildEntryIndex(void) {
    free(pba_slots);
    free(pba_next);
    free(pba_computed);
    pba_slots = pba_next = pba_computed = NULL;
    pba_computed_count = 0;
    pba_indexed = 0;
    size_t size = 16;
    while (size < (size_t)loader_entry_count * 2) {
        size *= 2;
    }
    pba_slots = (int *)malloc(size * sizeof(int));
    pba_next = (int *)malloc((size_t)loader_entry_count * sizeof(int) + 1);
    pba_computed = (int *)malloc((size_t)loader_entry_count * sizeof(int) + 1);
    if (pba_slots == NULL || pba_next == NULL || pba_computed == NULL) {
        return;
    }
    pba_mask = size - 1;
    for (size_t s = 0; s < size; s++) {
        pba_slots[s] = -1;
    }
    int *last = (int *)malloc((size_t)loader_entry_count * sizeof(int) + 1);
    if (last == NULL) {
        return;
    }
    for (int i = 0; i < loader_entry_count; i++) {
        struct Nuitka_MetaPathBasedLoaderEntry const *entry = loader_entries[i];
        pba_next[i] = -1;
        if (entry->m_get_name != NULL || entry->m_compare_name != NULL) {
            pba_computed[pba_computed_count++] = i;
            continue;
        }
        size_t s = pbaNameHash(entry->m_name) & pba_mask;
        while (pba_slots[s] != -1 && strcmp(loader_entries[pba_slots[s]]->m_name, entry->m_name) != 0) {
            s = (s + 1) & pba_mask;
        }
        if (pba_slots[s] == -1) {
            pba_slots[s] = i;
        } else {
            pba_next[last[pba_slots[s]]] = i;
        }
        last[pba_slots[s]] = i;
    }
    free(last);
    pba_indexed = loader_entry_count;
}

static struct Nuitka_MetaPathBasedLoaderEntry *findEntry(char const *name, bool internal) {
    if (pba_indexed != loader_entry_count) {
        pbaBuildEntryIndex();
    }
    if (pba_indexed != loader_entry_count || loader_entry_count == 0) {
        return pbaFindEntryLinear(name, internal);
    }
    int best = -1;
    size_t s = pbaNameHash(name) & pba_mask;
    while (pba_slots[s] != -1) {
        int i = pba_slots[s];
        if (strcmp(loader_entries[i]->m_name, name) == 0) {
            for (; i != -1; i = pba_next[i]) {
                if (internal || (loader_entries[i]->flags & NUITKA_INTERNAL_MODULE_FLAG) == 0) {
                    best = i;
                    break;
                }
            }
            break;
        }
        s = (s + 1) & pba_mask;
    }
    for (int k = 0; k < pba_computed_count; k++) {
        int i = pba_computed[k];
        if (best != -1 && i > best) {
            break;
        }
        if (compareToEntryName(name, loader_entries[i]) &&
            (internal || (loader_entries[i]->flags & NUITKA_INTERNAL_MODULE_FLAG) == 0)) {
            best = i;
            break;
        }
    }
    return best == -1 ? NULL : loader_entries[best];
}

static struct Nuitka_MetaPathBasedLoaderEntry *pbaFindEntryLinear(char const *name, bool internal) {
`

const FIND_ENTRY_HEAD =
  'static struct Nuitka_MetaPathBasedLoaderEntry *findEntry(char const *name, bool internal) {\n    for (int i = 0; i < loader_entry_count; i++) {\n        if (compareToEntryName(name, loader_entries[i])) {'

/** The loader's edits (MetaPathBasedLoader.c), each old text once; BOOTSTRAP_PY places the files. */
const LOADER_EDITS: [string, string][] = [
  [
    'static char **_bytecode_data = NULL;\n',
    `static char **_bytecode_data = NULL;\n${BYTECODE_RELEASE_C}`
  ],
  [
    '(PyCodeObject *)PyMarshal_ReadObjectFromString(_bytecode_data[entry->bytecode_index], entry->bytecode_size);',
    [
      '(PyCodeObject *)PyMarshal_ReadObjectFromString(_bytecode_data[entry->bytecode_index], entry->bytecode_size);',
      '#ifdef PBA_BYTECODE_RELEASE',
      '        pbaReleaseBytecode((uintptr_t)_bytecode_data[entry->bytecode_index],',
      '                           (uintptr_t)_bytecode_data[entry->bytecode_index] + (uintptr_t)entry->bytecode_size);',
      '#endif'
    ].join('\n')
  ],
  [FIND_ENTRY_HEAD, FIND_ENTRY_C + FIND_ENTRY_HEAD.slice(FIND_ENTRY_HEAD.indexOf('\n') + 1)],
  [
    '    loader_entry_count = entry_count;\n',
    '    loader_entry_count = entry_count;\n#ifdef PBA_BYTECODE_RELEASE\n    pbaBytecodeBounds(_loader_entries, entry_count);\n#endif\n'
  ]
]

/** One edit set: (what Nuitka's source says, what it becomes); each old text must occur once. */
interface EditSet {
  /** Present once the set is applied (so applying twice changes nothing). */
  marker: string
  edits: [string, string][]
  /** The plugin's log line when it applied, and when it could not. */
  applied: string
  notRecognised: string
}

const SIGNAL_SLOT = 'static volatile sig_atomic_t pba_forwarded_signal = SIGINT;\n'

const EDIT_SETS: EditSet[] = [
  {
    marker: 'pba_forwarded_signal',
    edits: [
      [
        'static void cleanupChildProcess(bool send_sigint) {',
        `#if !defined(_WIN32)\n${SIGNAL_SLOT}#endif\nstatic void cleanupChildProcess(bool send_sigint) {`
      ],
      ['kill(handle_process, SIGINT);', 'kill(handle_process, pba_forwarded_signal);'],
      [
        'void ourConsoleCtrlHandler(int sig, siginfo_t *info, void *ucontext) {',
        'void ourConsoleCtrlHandler(int sig, siginfo_t *info, void *ucontext) {\n    pba_forwarded_signal = sig;'
      ]
    ],
    applied: 'the onefile bootstrap forwards SIGTERM as SIGTERM',
    notRecognised: BOOTSTRAP_NOT_RECOGNISED
  },
  {
    marker: 'pbaCheckExtraction',
    edits: [
      [
        'static filename_char_t payload_path[4096] = {0};\n',
        `static filename_char_t payload_path[4096] = {0};\n${REUSE_C}`
      ],
      [
        'NUITKA_PRINT_TIMING("ONEFILE: Entering decompression.");',
        'NUITKA_PRINT_TIMING("ONEFILE: Entering decompression.");\n#ifdef PBA_REUSE\n    pbaCheckExtraction();\n#endif'
      ],
      [
        'uint32_t existing_file_checksum = getFileCRC32(target_path);',
        '#ifdef PBA_REUSE\n        uint32_t existing_file_checksum = pbaExistingChecksum(target_path, file_size, contained_file_checksum);\n#else\n        uint32_t existing_file_checksum = getFileCRC32(target_path);\n#endif'
      ],
      [
        'NUITKA_PRINT_TIMING("ONEFILE: Finishing decompression, cleanup payload.");',
        '#ifdef PBA_REUSE\n    pbaRecordExtraction();\n#endif\n    NUITKA_PRINT_TIMING("ONEFILE: Finishing decompression, cleanup payload.");'
      ]
    ],
    applied: 'the onefile bootstrap reuses a complete extraction without reading it again',
    notRecognised: REUSE_NOT_RECOGNISED
  }
]

/** Which edits the plugin says it applied, in a Nuitka build log. Pure. */
export function appliedBootstrapEdits(log: string): string[] {
  return [...EDIT_SETS.map(e => e.applied), BYTECODE_APPLIED, RUNTIME_FIRST_APPLIED].filter(line =>
    log.includes(`poetry-binary-action: ${line}`)
  )
}

/**
 * What the action's plugin said in a Nuitka build log (its fixes, and any that are off), once
 * each, in order. Pure.
 */
export function pluginLines(log: string): string[] {
  const said = new Set<string>()
  for (const m of log.matchAll(/poetry-binary-action-probe: poetry-binary-action: ([^\n]+)/g))
    said.add(m[1].trim())
  return [...said]
}

/**
 * The plugin's Python for the edits: `_pba_patch_bootstrap(source)` returns the new source and, per
 * edit set, the line to log (and whether it is a warning).
 */
export const BOOTSTRAP_PY = `
_PBA_BOOTSTRAP_EDITS = json.loads(${JSON.stringify(JSON.stringify(EDIT_SETS))})


def _pba_patch_bootstrap(source):
    """(source with every edit set that fits applied, [(applied?, log line)])."""
    notes = []
    for edit_set in _PBA_BOOTSTRAP_EDITS:
        if edit_set['marker'] in source:
            notes.append((True, edit_set['applied']))
            continue
        if any(source.count(old) != 1 for old, _ in edit_set['edits']):
            notes.append((False, edit_set['notRecognised']))
            continue
        for old, new in edit_set['edits']:
            source = source.replace(old, new)
        notes.append((True, edit_set['applied']))
    return source, notes


def _pba_set_compression_level(level):
    """Nuitka's in-process onefile compressor takes its zstd level from
    getCompressorLevel(low_memory): 22, or 3 with --low-memory, and keys its compression cache on
    it. None once it answers level, else why it could not be set."""
    try:
        from nuitka.tools.onefile_compressor import OnefileCompressor
    except Exception as e:
        return 'its onefile compressor did not import (%s)' % e
    if not callable(getattr(OnefileCompressor, 'getCompressorLevel', None)):
        return 'its onefile compressor has no getCompressorLevel'
    OnefileCompressor.getCompressorLevel = lambda low_memory: level
    return None

_PBA_RUNTIME_FIRST = ${JSON.stringify(RUNTIME_FIRST_FILE)}
_PBA_RUNTIME_UNIT = 'CompiledFunctionType.pba-unit'


def _pba_compile_runtime_first(source_dir):
    """Scons compiles the build's C files in list order: the build folder's own files by name,
    then static_src. Nuitka's runtime, static_src/CompiledFunctionType.c (one unit that includes
    all its helpers, the longest compile of a build that keeps packages as bytecode), so started
    last and ran alone on one core. Its text moves to static_src/CompiledFunctionType.pba-unit
    (not a .c, so not compiled on its own), and a file first in name order includes it; its own
    includes resolve from static_src as before. None off Linux, else (applied?, the line to log)."""
    if not sys.platform.startswith('linux'):
        return None
    static_dir = os.path.join(source_dir, 'static_src')
    first = os.path.join(source_dir, _PBA_RUNTIME_FIRST)
    entry = os.path.join(static_dir, 'CompiledFunctionType.c')
    if os.path.isfile(first) and not os.path.exists(entry):
        return (True, ${JSON.stringify(RUNTIME_FIRST_APPLIED)})
    own = sorted(n for n in os.listdir(source_dir) if n.endswith(('.c', '.cpp')))
    if not os.path.isfile(entry) or (own and own[0] < _PBA_RUNTIME_FIRST):
        return (False, ${JSON.stringify(RUNTIME_FIRST_NOT_RECOGNISED)})
    with open(entry, encoding='utf-8') as f:
        text = f.read()
    with open(os.path.join(static_dir, _PBA_RUNTIME_UNIT), 'w', encoding='utf-8') as f:
        f.write(text)
    # Nuitka links the file to its installed copy: remove the link, never write through it.
    os.unlink(entry)
    with open(first, 'w', encoding='utf-8') as f:
        f.write('/* poetry-binary-action: the runtime, compiled first (see its plugin). */\\n'
                '#include "static_src/%s"\\n' % _PBA_RUNTIME_UNIT)
    return (True, ${JSON.stringify(RUNTIME_FIRST_APPLIED)})


def _pba_write_unlinked(path, text):
    """Writes text to path in the build folder. Nuitka links its static files there to their
    installed copies: the link is removed first, never written through."""
    if os.path.lexists(path):
        os.unlink(path)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)


_PBA_LOADER_EDITS = json.loads(${JSON.stringify(JSON.stringify(LOADER_EDITS))})
_PBA_BYTECODE_MARKER = '/* poetry-binary-action: bytecode pages */'


def _pba_edit_loader(static_dir):
    """Points the build's CompiledFunctionType.c at patched copies of Nuitka's
    CompiledCodeHelpers.c and MetaPathBasedLoader.c in static_dir/pba.
    None off Linux, else (applied?, the line to log)."""
    if not sys.platform.startswith('linux'):
        return None
    applied = (True, ${JSON.stringify(BYTECODE_APPLIED)})
    missing = (False, ${JSON.stringify(BYTECODE_PAGES_NOT_RECOGNISED)})
    entry = os.path.join(static_dir, 'CompiledFunctionType.c')
    if not os.path.isfile(entry):
        return missing
    with open(entry, encoding='utf-8') as f:
        entry_source = f.read()
    if _PBA_BYTECODE_MARKER in entry_source:
        return applied
    installed = os.path.dirname(os.path.realpath(entry))
    try:
        with open(os.path.join(installed, 'CompiledCodeHelpers.c'), encoding='utf-8') as f:
            helpers = f.read()
        with open(os.path.join(installed, 'MetaPathBasedLoader.c'), encoding='utf-8') as f:
            loader = f.read()
    except OSError:
        return missing
    include_helpers = '#include "CompiledCodeHelpers.c"'
    if entry_source.count(include_helpers) != 1 or helpers.count('#include "MetaPathBasedLoader.c"') != 1:
        return missing
    if any(loader.count(old) != 1 for old, _ in _PBA_LOADER_EDITS):
        return missing
    for old, new in _PBA_LOADER_EDITS:
        loader = loader.replace(old, new)

    def nuitkas_own(match):
        # Every other file the copies include is Nuitka's, as when they sat beside it.
        name = match.group(1)
        path = os.path.join(installed, name)
        if name == 'MetaPathBasedLoader.c' or not os.path.isfile(path):
            return match.group(0)
        return '#include "%s"' % path

    pba_dir = os.path.join(static_dir, 'pba')
    os.makedirs(pba_dir, exist_ok=True)
    for name, text in (('CompiledCodeHelpers.c', helpers), ('MetaPathBasedLoader.c', loader)):
        with open(os.path.join(pba_dir, name), 'w', encoding='utf-8') as f:
            f.write(re.sub(r'#include "([^"]+)"', nuitkas_own, text))
    _pba_write_unlinked(entry, entry_source.replace(
        include_helpers, '#include "pba/CompiledCodeHelpers.c" ' + _PBA_BYTECODE_MARKER))
    return applied
`
