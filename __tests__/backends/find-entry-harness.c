/*
 * Nuitka 4.3's findEntry (MetaPathBasedLoader.c) with just what it needs around it: the loader
 * entry's name fields and flags, compareToEntryName as Nuitka defines it, and the function
 * itself, verbatim below the marker line. The test applies the plugin's findEntry edit to this
 * file, compiles it with gcc and checks the index against the linear search it keeps.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NUITKA_INTERNAL_MODULE_FLAG 4
#define N 3000

struct Nuitka_MetaPathBasedLoaderEntry {
    char const *m_name;
    void (*m_get_name)(char *buffer, size_t buffer_size, char const *name);
    bool (*m_compare_name)(char const *name, char const *m_name);
    int flags;
};

static struct Nuitka_MetaPathBasedLoaderEntry **loader_entries = NULL;
static int loader_entry_count = 0;

static void prefixed(char *buffer, size_t size, char const *name) { snprintf(buffer, size, "pkg.%s", name); }
static bool startsWith(char const *name, char const *m_name) { return strncmp(name, m_name, strlen(m_name)) == 0; }

static bool compareToEntryName(char const *name, struct Nuitka_MetaPathBasedLoaderEntry const *entry) {
    if (entry->m_compare_name != NULL) {
        return entry->m_compare_name(name, entry->m_name);
    }
    char buffer[1024];
    if (entry->m_get_name != NULL) {
        entry->m_get_name(buffer, sizeof(buffer), entry->m_name);
    } else {
        snprintf(buffer, sizeof(buffer), "%s", entry->m_name);
    }
    return strcmp(name, buffer) == 0;
}

/* --- Nuitka's function, verbatim --- */
static struct Nuitka_MetaPathBasedLoaderEntry *findEntry(char const *name, bool internal) {
    for (int i = 0; i < loader_entry_count; i++) {
        if (compareToEntryName(name, loader_entries[i])) {
            if (!internal && (loader_entries[i]->flags & NUITKA_INTERNAL_MODULE_FLAG)) {
                continue;
            }

            return loader_entries[i];
        }
    }

    return NULL;
}
/* --- end --- */

static struct Nuitka_MetaPathBasedLoaderEntry entries[N];
static struct Nuitka_MetaPathBasedLoaderEntry *table[N];
static char names[N][16];

static int indexOf(struct Nuitka_MetaPathBasedLoaderEntry *e) { return e == NULL ? -1 : (int)(e - entries); }

int main(void) {
    for (int i = 0; i < N; i++) {
        snprintf(names[i], sizeof(names[i]), "m%d", i);
        entries[i].m_name = names[i];
        table[i] = &entries[i];
    }
    /* The same name three times, the first internal; computed names before and after plain ones. */
    entries[5].m_name = "dup";
    entries[5].flags = NUITKA_INTERNAL_MODULE_FLAG;
    entries[9].m_name = "dup";
    entries[20].m_name = "dup";
    entries[7].m_name = "x";
    entries[7].m_get_name = prefixed; /* runtime name pkg.x */
    entries[15].m_name = "pkg.x";
    entries[3].m_name = "pkg.y";
    entries[30].m_name = "y";
    entries[30].m_get_name = prefixed;
    entries[40].m_name = "ns.";
    entries[40].m_compare_name = startsWith; /* answers every ns.* name */
    entries[41].m_name = "ns.a";
    loader_entries = table;

    /* Before the loader is registered there is nothing to find. */
    printf("empty=%d ", indexOf(findEntry("m1", false)));
    loader_entry_count = N;

    char const *queries[] = {"dup", "pkg.x", "pkg.y", "ns.a", "ns.b", "missing", "", "m2999", "m0"};
    int mismatches = 0;
    char query[16];
    for (int i = 0; i < N + (int)(sizeof(queries) / sizeof(queries[0])); i++) {
        char const *q = queries[0];
        if (i < N) {
            snprintf(query, sizeof(query), "m%d", i);
            q = query;
        } else {
            q = queries[i - N];
        }
        for (int internal = 0; internal < 2; internal++) {
            if (findEntry(q, internal) != pbaFindEntryLinear(q, internal)) {
                mismatches += 1;
            }
        }
    }
    printf("mismatches=%d dup=%d dup_internal=%d pkg.x=%d pkg.y=%d ns.a=%d ns.b=%d missing=%d\n", mismatches,
           indexOf(findEntry("dup", false)), indexOf(findEntry("dup", true)), indexOf(findEntry("pkg.x", false)),
           indexOf(findEntry("pkg.y", false)), indexOf(findEntry("ns.a", false)), indexOf(findEntry("ns.b", false)),
           indexOf(findEntry("missing", false)));
    return 0;
}
