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
 */

/** What the plugin logs when the signal edit does not apply (a newer Nuitka). */
export const BOOTSTRAP_NOT_RECOGNISED =
  'onefile bootstrap not recognised, so SIGTERM to the binary reaches the program as SIGINT (KeyboardInterrupt)'

/** What the plugin logs when the reuse edit does not apply. */
export const REUSE_NOT_RECOGNISED =
  'onefile bootstrap not recognised, so every start reads each extracted file whole to check it'

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
  return EDIT_SETS.map(e => e.applied).filter(line => log.includes(`poetry-binary-action: ${line}`))
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
`
