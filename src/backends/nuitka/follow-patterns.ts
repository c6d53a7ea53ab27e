/**
 * Two fixes for Nuitka 4.3 builds of many modules (part of the user plugin): fast matching of
 * `--include-module` names in its follow decisions, and a loader module set built once.
 *
 * The trace passes every module `poetry run` loaded as `--include-module` (4700 of them on the
 * Temporal example). Nuitka 4.3 checks each import it considers against all of them, one pattern
 * at a time with equality, a namespace test and two fnmatch calls
 * (`importing/Recursion.py` `_decideRecursion` → `ModuleName.matchesToShellPatterns`), and
 * rebuilds the list with `sum(lists, [])` on every call. With thousands of modules each importing
 * a dozen others, that was most of the "optimising modules" phase of a big build, several minutes
 * on the Temporal example (seen with py-spy: every sample in `getShallFollowModules`).
 *
 * The plugin builds the list once and answers plain names (no `*`, `?` or `[`) from a set: a name
 * matches a plain pattern exactly when it is the pattern or lies below it (`pkg` covers
 * `pkg.sub`), which is what the four tests amount to for a plain pattern. Patterns with wildcards
 * still go through Nuitka's own test, in order, after the plain ones, so every decision is the same
 * as before (the reason may name another of the patterns that match). A Nuitka without these
 * functions is left as it is.
 */
export const FOLLOW_PATTERNS_PY = `
class _PbaFollowPatterns(list):
    """Nuitka's follow patterns, built once, with the plain names also in a set."""

    def __init__(self, patterns):
        list.__init__(self, patterns)
        self.plain = frozenset(p for p in patterns if not any(c in p for c in '*?['))
        self.wild = [p for p in patterns if p not in self.plain]


def _pba_match_follow(name, patterns):
    """(kind, pattern) for the first plain pattern name matches, else None. Pure."""
    if name in patterns.plain:
        return 'exact', name
    parts = name.split('.')
    for i in range(len(parts) - 1, 0, -1):
        parent = '.'.join(parts[:i])
        if parent in patterns.plain:
            return 'below', parent
    return None


def _pba_install_follow_patterns():
    """Returns why the fast path is not installed, or None."""
    try:
        from nuitka.importing import Recursion
        from nuitka.utils.ModuleNames import ModuleName, ShellPatternMatchResult
    except ImportError:
        return 'this Nuitka has no follow patterns to speed up'
    real_patterns = getattr(Recursion, 'getShallFollowModules', None)
    real_match = getattr(ModuleName, 'matchesToShellPatterns', None)
    if real_patterns is None or real_match is None:
        return 'this Nuitka decides what to follow elsewhere'
    built = []

    def follow_patterns():
        if not built:
            built.append(_PbaFollowPatterns(real_patterns()))
        return built[0]

    def matches(self, patterns):
        if not isinstance(patterns, _PbaFollowPatterns):
            return real_match(self, patterns)
        found = _pba_match_follow(self.asString(), patterns)
        if found is not None:
            kind, pattern = found
            return ShellPatternMatchResult(
                is_match=True,
                reason=("is exact match of '%s'" if kind == 'exact' else "is package content of '%s'") % pattern,
            )
        return real_match(self, patterns.wild)

    Recursion.getShallFollowModules = follow_patterns
    ModuleName.matchesToShellPatterns = matches
    return None


def _pba_install_loader_names_cache():
    """Nuitka 4.3 writes one meta-path loader entry per module, and for each entry asks three
    times whether a module is in the build by sorting every module twice into a new set
    (code_generation/LoaderCodes.py _getModuleEntryRefName -> _getLoaderModuleNames): quadratic,
    most of "Generating source code for C backend compiler" with 5000 modules (py-spy). The set is
    built once per module count instead. Returns why it is not installed, or None."""
    try:
        from nuitka.code_generation import LoaderCodes
        from nuitka.ModuleRegistry import getDoneModulesCount
    except ImportError:
        return 'this Nuitka writes its loader elsewhere'
    real = getattr(LoaderCodes, '_getLoaderModuleNames', None)
    if real is None:
        return 'this Nuitka writes its loader elsewhere'
    LoaderCodes._getLoaderModuleNames = _pba_cached_by_count(real, getDoneModulesCount)
    return None


def _pba_cached_by_count(build, count):
    """build() again only when count() changed since the last call. Pure."""
    cache = {}

    def cached():
        n = count()
        if cache.get('n') != n:
            cache['v'] = build()
            cache['n'] = n
        return cache['v']

    return cached
`
