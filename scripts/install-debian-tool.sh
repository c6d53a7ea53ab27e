#!/usr/bin/env bash
# Install one executable from a Debian package into a private cache folder, without root and
# without touching the system's apt state. Used by install-upx.sh and install-ccache.sh.
#
#   exe="$(bash scripts/install-debian-tool.sh --package upx-ucl --suite bookworm-backports \
#            --exe usr/bin/upx-ucl --exe usr/bin/upx --name upx \
#            --version-regex '^upx ([4-9]|[1-9][0-9])\.' --cache "$HOME/.cache/x/upx-ucl")"
#   # last line of stdout: absolute path of <cache>/bin/<name>
#
# Options:
#   --package PKG        Debian binary package to fetch (required)
#   --suite SUITE        suite to take it from, e.g. bookworm or bookworm-backports (required)
#   --exe REL            path of the executable inside the package, e.g. usr/bin/upx; repeatable,
#                        the first one present in the package is used (required)
#   --name NAME          name to expose it under: <cache>/bin/NAME (default: basename of the first --exe)
#   --cache DIR          cache folder (required)
#   --version-arg ARG    argument(s) for the version check; repeatable (default: --version)
#   --version-regex ERE  the first line of `NAME --version` must match this bash regex
#                        (default: any; the command must still exit 0)
#   --log-name NAME      prefix of the log lines (default: install-debian-tool)
#   --mirror URL         Debian archive to use instead of the one found in /etc/apt
#   --keyring FILE       keyring that signs that archive (default: the source's Signed-By, else
#                        /usr/share/keyrings/debian-archive-keyring.gpg)
#   --force-reinstall    ignore the cached install and fetch again
#   --force-wrapper      (testing) take the dependency + LD_LIBRARY_PATH wrapper path even when no
#                        shared library is missing
#
# Environment (all optional; the matching option wins):
#   DEBIAN_TOOL_MIRROR, DEBIAN_TOOL_KEYRING, DEBIAN_TOOL_FORCE_REINSTALL=1, DEBIAN_TOOL_FORCE_WRAPPER=1
#
# How: a private apt state (lists, caches, sources.list) under the cache folder, whose only source
# is SUITE on the Debian mirror this machine's own apt configuration already uses (read from
# /etc/apt/sources.list and /etc/apt/sources.list.d/); `apt-get update` and
# `apt-get download PKG/SUITE` against it; `dpkg-deb -x` into <cache>/root.
# The executable is exposed as <cache>/bin/NAME: a symlink, or, if shared libraries it needs are
# missing on this machine, a wrapper script. For the wrapper the package's library dependencies
# (and theirs, while something is still missing) are fetched too (for a -backports/-updates suite
# also from its base suite) and unpacked beside it, and only the missing libraries are linked into
# <cache>/root/.libs, the wrapper's LD_LIBRARY_PATH; so the processes the tool starts (ccache
# runs compilers) see only libraries this machine does not have, never a replacement for one it has.
#
# Idempotent: a rerun that finds a working <cache>/bin/NAME prints its path at once, and concurrent
# runs on one cache are serialised with flock. Everything except the final path goes to stderr.
set -euo pipefail

# Only the final path goes to stdout; everything else (including apt's chatter) to stderr.
exec 3>&1 1>&2

LOG_NAME=install-debian-tool
log() { printf '%s: %s\n' "$LOG_NAME" "$*" >&2; }
die() { log "error: $*"; exit 1; }

PKG="" SUITE="" NAME="" CACHE="" VERSION_REGEX=""
EXES=() VERSION_ARGS=()
MIRROR="${DEBIAN_TOOL_MIRROR:-}"
SIGNED_BY="${DEBIAN_TOOL_KEYRING:-}"
FORCE_REINSTALL="${DEBIAN_TOOL_FORCE_REINSTALL:-0}"
FORCE_WRAPPER="${DEBIAN_TOOL_FORCE_WRAPPER:-0}"

while [ $# -gt 0 ]; do
  case "$1" in
    --package | --suite | --exe | --name | --cache | --version-arg | --version-regex | --log-name | --mirror | --keyring)
      [ $# -ge 2 ] || die "$1 needs a value"
      case "$1" in
        --package) PKG="$2" ;;
        --suite) SUITE="$2" ;;
        --exe) EXES+=("$2") ;;
        --name) NAME="$2" ;;
        --cache) CACHE="$2" ;;
        --version-arg) VERSION_ARGS+=("$2") ;;
        --version-regex) VERSION_REGEX="$2" ;;
        --log-name) LOG_NAME="$2" ;;
        --mirror) MIRROR="$2" ;;
        --keyring) SIGNED_BY="$2" ;;
      esac
      shift 2
      ;;
    --force-reinstall) FORCE_REINSTALL=1; shift ;;
    --force-wrapper) FORCE_WRAPPER=1; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
[ -n "$PKG" ] || die "--package is required"
[ -n "$SUITE" ] || die "--suite is required"
[ ${#EXES[@]} -gt 0 ] || die "--exe is required"
[ -n "$CACHE" ] || die "--cache is required"
[ -n "$NAME" ] || NAME="$(basename "${EXES[0]}")"
case "$NAME" in */* | "" | . | ..) die "--name must be a plain file name, not '$NAME'" ;; esac
[ ${#VERSION_ARGS[@]} -gt 0 ] || VERSION_ARGS=(--version)

TOOL="$CACHE/bin/$NAME"

# An install counts only if it runs (exit 0) and the first line of its version output matches.
tool_ok() {
  local out
  [ -x "$1" ] || return 1
  out="$("$1" "${VERSION_ARGS[@]}" 2>/dev/null)" || return 1
  [ -z "$VERSION_REGEX" ] || [[ "${out%%$'\n'*}" =~ $VERSION_REGEX ]]
}

finish() {
  local out
  out="$("$TOOL" "${VERSION_ARGS[@]}" 2>/dev/null || true)"
  log "using ${out%%$'\n'*} at $TOOL"
  printf '%s\n' "$TOOL" >&3
  exit 0
}

if [ "$FORCE_REINSTALL" != 1 ] && tool_ok "$TOOL"; then
  finish
fi

for tool in apt-get dpkg-deb dpkg; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' not found: this script needs a Debian/Ubuntu userland"
done

mkdir -p "$CACHE"
CACHE="$(cd "$CACHE" && pwd -P)"
TOOL="$CACHE/bin/$NAME"

# Serialise concurrent runs sharing one cache.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$CACHE/.lock"
  flock 9
  # Another run may have finished the install while this one waited.
  if [ "$FORCE_REINSTALL" != 1 ] && tool_ok "$TOOL"; then
    finish
  fi
fi

# --- Find the Debian mirror this machine's apt already uses ------------------------------------
# Prints "URI<TAB>SIGNED-BY" for each Debian archive (a URI whose path ends in /debian, so not
# debian-security) in one-line (.list) and deb822 (.sources) files. Disabled files
# (other suffixes) are not read by apt, so not here either.
find_debian_sources() {
  local files=() f
  [ -f /etc/apt/sources.list ] && files+=(/etc/apt/sources.list)
  for f in /etc/apt/sources.list.d/*.list; do [ -f "$f" ] && files+=("$f"); done
  for f in "${files[@]}"; do
    awk '
      /^[[:space:]]*deb[[:space:]]/ {
        signed = ""; uri = ""
        line = $0
        if (match(line, /\[[^]]*\]/)) {
          opts = substr(line, RSTART + 1, RLENGTH - 2)
          if (match(opts, /signed-by=[^[:space:]]+/)) signed = substr(opts, RSTART + 10, RLENGTH - 10)
          line = substr(line, 1, RSTART - 1) substr(line, RSTART + RLENGTH)
        }
        n = split(line, w, /[[:space:]]+/)
        for (i = 1; i <= n; i++) if (w[i] ~ /^[a-z+]+:\/\//) { uri = w[i]; break }
        if (uri != "") print uri "\t" signed
      }' "$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk '
      function flush() {
        if (enabled && types ~ /(^|[[:space:]])deb([[:space:]]|$)/) {
          n = split(uris, u, /[[:space:]]+/)
          for (i = 1; i <= n; i++) if (u[i] != "") print u[i] "\t" signed
        }
        types = ""; uris = ""; signed = ""; enabled = 1
      }
      BEGIN { enabled = 1 }
      /^[[:space:]]*#/ { next }
      /^[[:space:]]*$/ { flush(); next }
      {
        key = tolower($1); sub(/:$/, "", key)
        val = $0; sub(/^[^:]*:[[:space:]]*/, "", val)
        if (key == "types") types = val
        else if (key == "uris") uris = val
        else if (key == "signed-by" && val !~ /^-----BEGIN/) signed = val
        else if (key == "enabled" && tolower(val) == "no") enabled = 0
      }
      END { flush() }' "$f"
  done
}

if [ -z "$MIRROR" ]; then
  while IFS=$'\t' read -r uri signed; do
    case "${uri%/}" in
      */debian)
        MIRROR="${uri%/}"
        [ -z "$SIGNED_BY" ] && SIGNED_BY="$signed"
        break
        ;;
    esac
  done < <(find_debian_sources)
fi
[ -n "$MIRROR" ] || die "no Debian archive found in /etc/apt/sources.list{,.d}; set DEBIAN_TOOL_MIRROR (or --mirror) to one"
MIRROR="${MIRROR%/}"
[ -n "$SIGNED_BY" ] || SIGNED_BY=/usr/share/keyrings/debian-archive-keyring.gpg
[ -r "$SIGNED_BY" ] || die "keyring '$SIGNED_BY' not readable (install debian-archive-keyring, or set DEBIAN_TOOL_KEYRING / --keyring)"
ARCH="$(dpkg --print-architecture)"
log "fetching $PKG from $SUITE ($ARCH) on the Debian mirror $MIRROR"

# --- Private apt state ---------------------------------------------------------------------------
APTD="$CACHE/apt"
mkdir -p "$APTD/state/lists/partial" "$APTD/cache/archives/partial" \
  "$APTD/etc/sources.list.d" "$APTD/etc/preferences.d"
source_line() { printf 'deb [arch=%s signed-by=%s] %s %s main\n' "$ARCH" "$SIGNED_BY" "$MIRROR" "$1"; }
source_line "$SUITE" >"$APTD/etc/sources.list"
# Should the base suite be added for dependencies (below), SUITE still wins where it has a
# version: a -backports package may need its dependencies from -backports too.
printf 'Package: *\nPin: release %s=%s\nPin-Priority: 990\n\n' a "$SUITE" n "$SUITE" >"$APTD/etc/preferences"

APT_OPTS=(
  -o "Dir::State=$APTD/state"
  -o "Dir::Cache=$APTD/cache"
  -o "Dir::Etc::SourceList=$APTD/etc/sources.list"
  -o "Dir::Etc::SourceParts=$APTD/etc/sources.list.d"
  -o "Dir::Etc::Preferences=$APTD/etc/preferences"
  -o "Dir::Etc::PreferencesParts=$APTD/etc/preferences.d"
  -o "Acquire::Languages=none"
  -o "APT::Get::List-Cleanup=true"
  # As root apt would switch to the _apt user to download, and _apt cannot write into a
  # private home folder (/root is 0700): download as whoever runs this.
  -o "APT::Sandbox::User=$(id -un)"
)

apt-get "${APT_OPTS[@]}" -q update >&2 || die "apt-get update (private state) failed"

DEBS="$CACHE/debs"
rm -rf "$DEBS"
mkdir -p "$DEBS"
(cd "$DEBS" && apt-get "${APT_OPTS[@]}" -q download "$PKG/$SUITE") >&2 \
  || die "apt-get download $PKG/$SUITE failed"
DEB="$(find "$DEBS" -maxdepth 1 -name "${PKG}_*.deb" -print -quit)"
[ -n "$DEB" ] || die "no $PKG .deb downloaded"
log "downloaded $(basename "$DEB") (Depends: $(dpkg-deb -f "$DEB" Depends))"

# --- Unpack ---------------------------------------------------------------------------------------
ROOT="$CACHE/root"
STAGE="$ROOT.tmp"
rm -rf "$STAGE"
mkdir -p "$STAGE"
dpkg-deb -x "$DEB" "$STAGE"
EXE_REL=""
for rel in "${EXES[@]}"; do
  rel="${rel#/}"
  if [ -f "$STAGE/$rel" ] && [ -x "$STAGE/$rel" ]; then EXE_REL="$rel"; break; fi
done
[ -n "$EXE_REL" ] || die "none of ${EXES[*]} is an executable in $(basename "$DEB")"

# Shared libraries the executable needs that this machine lacks, with LIBDIR ($2) on the search path.
ldd_lines() { { LD_LIBRARY_PATH="${2:-}" ldd "$1" 2>/dev/null || true; }; }
missing_libs() { ldd_lines "$1" "${2:-}" | awk '/not found/ { print $1 }'; }
# Library dependencies of a .deb, minus the C/C++ runtime (which any glibc system has); the
# first of alternatives, version constraints and :any dropped.
deb_deps() {
  { dpkg-deb -f "$1" Pre-Depends; dpkg-deb -f "$1" Depends; } | tr ',' '\n' \
    | sed -E 's/\(.*\)//; s/\|.*//; s/[[:space:]]//g; s/:any$//' \
    | grep -vE '^(libc6|libgcc-s1|libstdc\+\+6)$' | grep -v '^$' || true
}

LIBS="$STAGE/.libs"
MISSING="$(missing_libs "$STAGE/$EXE_REL")"
if [ -n "$MISSING" ] || [ "$FORCE_WRAPPER" = 1 ]; then
  if [ -n "$MISSING" ]; then log "missing shared libraries: $(echo "$MISSING" | paste -sd ' ')"; fi
  mkdir -p "$LIBS"
  fetched=" $PKG "
  queue="$(deb_deps "$DEB")"
  # Dependencies of a -backports/-updates package mostly live in the base suite: add it.
  BASE="${SUITE%%-*}"
  if [ -n "$queue" ] && [ "$BASE" != "$SUITE" ]; then
    source_line "$BASE" >>"$APTD/etc/sources.list"
    apt-get "${APT_OPTS[@]}" -q update >&2 || die "apt-get update (private state, + $BASE) failed"
  fi
  for round in 1 2 3 4 5; do
    new=()
    for dep in $queue; do
      case "$fetched" in *" $dep "*) continue ;; esac
      fetched="$fetched$dep "
      (cd "$DEBS" && apt-get "${APT_OPTS[@]}" -q download "$dep") >&2 || die "apt-get download $dep failed"
      d="$(find "$DEBS" -maxdepth 1 -name "${dep}_*.deb" -print -quit)"
      [ -n "$d" ] || die "no $dep .deb downloaded"
      new+=("$d")
    done
    [ ${#new[@]} -gt 0 ] || break
    log "round $round: unpacking $(for d in "${new[@]}"; do basename "$d"; done | paste -sd ' ')"
    queue=""
    for d in "${new[@]}"; do
      dpkg-deb -x "$d" "$STAGE"
      queue="$queue $(deb_deps "$d")"
    done
    # Link the libraries still missing (with --force-wrapper: every library of the executable
    # that the unpacked packages provide) into .libs, as relative symlinks.
    if [ "$FORCE_WRAPPER" = 1 ]; then
      WANT="$(ldd_lines "$STAGE/$EXE_REL" "$LIBS" | awk '$2 == "=>" { print $1 }')"
    else
      WANT="$(missing_libs "$STAGE/$EXE_REL" "$LIBS")"
    fi
    for so in $WANT; do
      [ -e "$LIBS/$so" ] && continue
      found="$(find "$STAGE" -path "$LIBS" -prune -o -name "$so" \( -type f -o -type l \) -print -quit)"
      if [ -n "$found" ]; then ln -s "../${found#"$STAGE"/}" "$LIBS/$so"; fi
    done
    MISSING="$(missing_libs "$STAGE/$EXE_REL" "$LIBS")"
    [ -n "$MISSING" ] || break
  done
  [ -z "$MISSING" ] || die "still missing after unpacking dependencies: $(echo "$MISSING" | paste -sd ' ')"
  log "libraries for the wrapper:$(find "$LIBS" -mindepth 1 -printf ' %f')"
fi

rm -rf "$ROOT"
mv "$STAGE" "$ROOT"
mkdir -p "$CACHE/bin"
rm -f "$TOOL"
if [ "$FORCE_WRAPPER" != 1 ] && [ ! -d "$ROOT/.libs" ]; then
  ln -s "../root/$EXE_REL" "$TOOL"
else
  # Wrapper: only the libraries this machine lacks, first on the search path.
  sh_quote() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }
  LIBDIR=""
  [ -z "$(find "$ROOT/.libs" -mindepth 1 -print -quit 2>/dev/null)" ] || LIBDIR="$ROOT/.libs"
  {
    echo '#!/bin/sh'
    echo "# Generated by install-debian-tool.sh: runs the unpacked $PKG with the shared libraries this machine lacks."
    if [ -n "$LIBDIR" ]; then
      # shellcheck disable=SC2016 # $LD_LIBRARY_PATH is for the wrapper to expand
      printf 'LD_LIBRARY_PATH=%s${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}\nexport LD_LIBRARY_PATH\n' "$(sh_quote "$LIBDIR")"
    fi
    printf 'exec %s "$@"\n' "$(sh_quote "$ROOT/$EXE_REL")"
  } >"$TOOL"
  chmod +x "$TOOL"
fi

if ! tool_ok "$TOOL"; then
  out="$("$TOOL" "${VERSION_ARGS[@]}" 2>&1 || true)"
  die "$TOOL does not run or fails the version check${VERSION_REGEX:+ /$VERSION_REGEX/}: ${out%%$'\n'*}"
fi
basename "$DEB" >"$CACHE/.installed"
finish
