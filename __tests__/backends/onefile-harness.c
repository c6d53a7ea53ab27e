/*
 * A stand-in for Nuitka 4.3's OnefileBootstrap.c, archive form, cached folder, no compression:
 * the same payload layout (name, flags, size, CRC32, data; an empty name ends it), the same
 * helpers by name and the same lines the plugin's edits anchor on, around the same extraction
 * loop. The test patches this file with the plugin's own edits, compiles it with gcc and runs it.
 *
 * Built with -DHARNESS_COMPRESSION, each entry also carries its stored size (4 bytes, read as
 * Nuitka reads it: into an unsigned long long of which only the low 32 bits are set), as the
 * zstd-compressed archive does; the data is then stored as is, so the loop stays simple.
 *
 * Usage: harness FOLDER NAME=CONTENT...   extracts into FOLDER, then prints
 *        "checked=<files whose CRC32 was read> written=<files written>".
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define _NUITKA_ONEFILE_TEMP_BOOL 0
#define _NUITKA_ONEFILE_ARCHIVE_BOOL 1
#ifdef HARNESS_COMPRESSION
#define _NUITKA_ONEFILE_COMPRESSION_BOOL 1
#else
#define _NUITKA_ONEFILE_COMPRESSION_BOOL 0
#endif
#define NUITKA_PRINT_TIMING(x)

typedef char filename_char_t;

static unsigned char const *payload_data = NULL;
static unsigned char const *payload_current = NULL;
static unsigned long long payload_size = 0;
static int checked = 0;

static uint32_t crc32_of(unsigned char const *p, size_t n) {
    uint32_t crc = 0xFFFFFFFF;
    for (size_t i = 0; i < n; i++) {
        crc ^= p[i];
        for (int j = 0; j < 8; j++) {
            crc = (crc >> 1) ^ (0xEDB88320 & (0 - (crc & 1)));
        }
    }
    return ~crc | 1;
}

static uint32_t getFileCRC32(filename_char_t const *filename) {
    checked += 1;
    FILE *f = fopen(filename, "rb");
    if (f == NULL) {
        return 0;
    }
    static unsigned char buffer[1 << 16];
    size_t n = fread(buffer, 1, sizeof(buffer), f);
    fclose(f);
    return crc32_of(buffer, n);
}

static void readChunk(void *buffer, size_t size) {
    memcpy(buffer, payload_current, size);
    payload_current += size;
}

static void readPayloadChunk(void *buffer, size_t size) { readChunk(buffer, size); }

static uint32_t readPayloadChecksumValue(void) {
    unsigned int result;
    readPayloadChunk(&result, sizeof(unsigned int));
    return (uint32_t)result;
}

static unsigned char readPayloadFileFlagsValue(void) {
    unsigned char result;
    readPayloadChunk(&result, 1);
    return result;
}

static unsigned long long readPayloadSizeValue(void) {
    unsigned long long result;
    readPayloadChunk(&result, sizeof(unsigned long long));
    return result;
}

#if _NUITKA_ONEFILE_COMPRESSION_BOOL == 1
static unsigned long long readArchiveFileSizeValue(void) {
    /* The upper bytes are whatever was there: Nuitka leaves them uninitialised. */
    unsigned long long result = 0xA5A5A5A5A5A5A5A5ULL;
    readPayloadChunk(&result, sizeof(unsigned int));
    return result;
}
#endif

static filename_char_t *readPayloadFilename(void) {
    static filename_char_t buffer[1024];
    filename_char_t *w = buffer;
    for (;;) {
        *w = (filename_char_t)*payload_current++;
        if (*w == 0) {
            break;
        }
        w += 1;
    }
    return buffer;
}

static filename_char_t payload_path[4096] = {0};

static unsigned char *buildPayload(int count, char **pairs, unsigned long long *size) {
    unsigned char *out = malloc(1 << 20);
    unsigned char *w = out;
    for (int i = 0; i < count; i++) {
        char *eq = strchr(pairs[i], '=');
        size_t name_len = (size_t)(eq - pairs[i]);
        unsigned long long data_len = strlen(eq + 1);
        uint32_t crc = crc32_of((unsigned char const *)eq + 1, data_len);
        memcpy(w, pairs[i], name_len);
        w += name_len;
        *w++ = 0;
        *w++ = 0; /* flags */
        memcpy(w, &data_len, sizeof(data_len));
        w += sizeof(data_len);
        unsigned int c = crc;
        memcpy(w, &c, sizeof(c));
        w += sizeof(c);
#if _NUITKA_ONEFILE_COMPRESSION_BOOL == 1
        unsigned int stored = (unsigned int)data_len;
        memcpy(w, &stored, sizeof(stored));
        w += sizeof(stored);
#endif
        memcpy(w, eq + 1, data_len);
        w += data_len;
    }
    *w++ = 0;
    *size = (unsigned long long)(w - out);
    return out;
}

int main(int argc, char **argv) {
    snprintf(payload_path, sizeof(payload_path), "%s", argv[1]);
    payload_data = buildPayload(argc - 2, argv + 2, &payload_size);
    payload_current = payload_data;
    int written = 0;

    NUITKA_PRINT_TIMING("ONEFILE: Entering decompression.");

    for (;;) {
        filename_char_t *filename = readPayloadFilename();
        if (filename[0] == 0) {
            break;
        }
        static filename_char_t target_path[8192] = {0};
        snprintf(target_path, sizeof(target_path), "%s/%s", payload_path, filename);
        unsigned char file_flags = readPayloadFileFlagsValue();
        (void)file_flags;
        unsigned long long file_size = readPayloadSizeValue();

        int needs_write = 1;
        uint32_t contained_file_checksum = readPayloadChecksumValue();
        uint32_t existing_file_checksum = getFileCRC32(target_path);
        if (contained_file_checksum == existing_file_checksum) {
            needs_write = 0;
        }
#if _NUITKA_ONEFILE_COMPRESSION_BOOL == 1
        uint32_t contained_archive_file_size = readArchiveFileSizeValue();
        (void)contained_archive_file_size;
#endif
        if (needs_write) {
            FILE *f = fopen(target_path, "wb");
            fwrite(payload_current, 1, file_size, f);
            fclose(f);
            written += 1;
        }
        payload_current += file_size;
    }

    NUITKA_PRINT_TIMING("ONEFILE: Finishing decompression, cleanup payload.");

    printf("checked=%d written=%d\n", checked, written);
    return 0;
}
