#!/usr/bin/env bash
# Install a modern UPX (Debian's upx-ucl from bookworm-backports, 4.2.x) into a private cache,
# without root and without touching the system's apt state.
#
#   upx="$(bash scripts/install-upx.sh)"      # last line of stdout: absolute path of `upx`
#   "$upx" --version                           # -> upx 4.2.2
#   pyinstaller --upx-dir "$(dirname "$upx")" ...
#
# How: a private apt state (lists, caches, sources.list) under the cache folder, whose only source
# is bookworm-backports on the Debian mirror this machine's own apt configuration already uses
# (read from /etc/apt/sources.list and /etc/apt/sources.list.d/); `apt-get update` and
# `apt-get download upx-ucl/bookworm-backports` against it; `dpkg-deb -x` into the cache.
# The executable is exposed as <cache>/bin/upx (a symlink, or a wrapper that sets
# LD_LIBRARY_PATH if the package's shared libraries are missing on this machine), so
# <cache>/bin can be given to PyInstaller's --upx-dir.
#
# Idempotent: a rerun that finds a working <cache>/bin/upx prints its path at once.
# Everything except the final path goes to stderr.
#
# Environment (all optional):
#   UPX_CACHE_DIR         cache folder (default ${XDG_CACHE_HOME:-$HOME/.cache}/poetry-binary-action/upx-ucl)
#   UPX_DEBIAN_MIRROR     Debian archive URL to use instead of the one found in /etc/apt
#   UPX_DEBIAN_KEYRING    keyring that signs that archive (default: the source's Signed-By, else
#                         /usr/share/keyrings/debian-archive-keyring.gpg)
#   UPX_DEBIAN_SUITE      suite to take upx-ucl from (default bookworm-backports)
#   UPX_FORCE_REINSTALL=1 ignore the cached install and fetch again
#   UPX_FORCE_WRAPPER=1   (testing) take the dependency + LD_LIBRARY_PATH wrapper path even when
#                         no shared library is missing
set -euo pipefail

# Only the final path goes to stdout; everything else (including apt's chatter) to stderr.
exec 3>&1 1>&2

log() { printf 'install-upx: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

CACHE="${UPX_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/poetry-binary-action/upx-ucl}"
SUITE="${UPX_DEBIAN_SUITE:-bookworm-backports}"
PKG=upx-ucl
UPX="$CACHE/bin/upx"

# A cached install counts only if it runs and is UPX 4 or newer.
upx_ok() {
  local first
  [ -x "$1" ] || return 1
  first="$("$1" --version 2>/dev/null | head -n 1)" || return 1
  [[ "$first" =~ ^upx\ ([4-9]|[1-9][0-9])\. ]]
}

finish() {
  log "using $("$UPX" --version 2>/dev/null | head -n 1) at $UPX"
  printf '%s\n' "$UPX" >&3
  exit 0
}

if [ "${UPX_FORCE_REINSTALL:-0}" != 1 ] && upx_ok "$UPX"; then
  finish
fi

for tool in apt-get dpkg-deb dpkg; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' not found: this script needs a Debian/Ubuntu userland"
done

mkdir -p "$CACHE"
CACHE="$(cd "$CACHE" && pwd -P)"
UPX="$CACHE/bin/upx"

# Serialise concurrent runs sharing one cache.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$CACHE/.lock"
  flock 9
  # Another run may have finished the install while this one waited.
  if [ "${UPX_FORCE_REINSTALL:-0}" != 1 ] && upx_ok "$UPX"; then
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

MIRROR="${UPX_DEBIAN_MIRROR:-}"
SIGNED_BY="${UPX_DEBIAN_KEYRING:-}"
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
[ -n "$MIRROR" ] || die "no Debian archive found in /etc/apt/sources.list{,.d}; set UPX_DEBIAN_MIRROR to one"
MIRROR="${MIRROR%/}"
[ -n "$SIGNED_BY" ] || SIGNED_BY=/usr/share/keyrings/debian-archive-keyring.gpg
[ -r "$SIGNED_BY" ] || die "keyring '$SIGNED_BY' not readable (install debian-archive-keyring, or set UPX_DEBIAN_KEYRING)"
ARCH="$(dpkg --print-architecture)"
log "fetching $PKG from $SUITE ($ARCH) on the Debian mirror $MIRROR"

# --- Private apt state ---------------------------------------------------------------------------
APTD="$CACHE/apt"
mkdir -p "$APTD/state/lists/partial" "$APTD/cache/archives/partial" \
  "$APTD/etc/sources.list.d" "$APTD/etc/preferences.d"
printf 'deb [arch=%s signed-by=%s] %s %s main\n' "$ARCH" "$SIGNED_BY" "$MIRROR" "$SUITE" \
  >"$APTD/etc/sources.list"

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
DEB="$(ls "$DEBS"/${PKG}_*.deb 2>/dev/null | head -n 1)"
[ -n "$DEB" ] || die "no $PKG .deb downloaded"
log "downloaded $(basename "$DEB") (Depends: $(dpkg-deb -f "$DEB" Depends))"

# --- Unpack ---------------------------------------------------------------------------------------
ROOT="$CACHE/root"
rm -rf "$ROOT.tmp"
mkdir -p "$ROOT.tmp"
dpkg-deb -x "$DEB" "$ROOT.tmp"
EXE_REL=usr/bin/upx-ucl
[ -x "$ROOT.tmp/$EXE_REL" ] || EXE_REL=usr/bin/upx
[ -x "$ROOT.tmp/$EXE_REL" ] || die "no upx executable in $(basename "$DEB")"

# Shared libraries the executable needs that this machine lacks (none for 4.2.2-3~bpo12+1,
# which links UCL, zlib and zstd statically and needs only libc6, libgcc-s1, libstdc++6).
missing_libs() { { ldd "$1" 2>/dev/null || true; } | awk '/not found/ { print $1 }'; }
MISSING="$(missing_libs "$ROOT.tmp/$EXE_REL")"
if [ -n "$MISSING" ] || [ "${UPX_FORCE_WRAPPER:-0}" = 1 ]; then
  [ -n "$MISSING" ] && log "missing shared libraries: $(echo $MISSING)"
  # Fetch the package's library dependencies (not the C/C++ runtime, which any glibc system has)
  # and unpack them beside it.
  DEPS="$(dpkg-deb -f "$DEB" Depends | tr ',' '\n' | sed -E 's/\(.*\)//; s/\|.*//; s/[[:space:]]//g; s/:any$//' \
    | grep -vE '^(libc6|libgcc-s1|libstdc\+\+6)$' | grep -v '^$' || true)"
  for dep in $DEPS; do
    (cd "$DEBS" && apt-get "${APT_OPTS[@]}" -q download "$dep") >&2 || die "apt-get download $dep failed"
  done
  for d in "$DEBS"/*.deb; do
    [ "$d" = "$DEB" ] || dpkg-deb -x "$d" "$ROOT.tmp"
  done
fi

rm -rf "$ROOT"
mv "$ROOT.tmp" "$ROOT"
mkdir -p "$CACHE/bin"
rm -f "$UPX"
MISSING="$(missing_libs "$ROOT/$EXE_REL")"
if [ "${UPX_FORCE_WRAPPER:-0}" != 1 ] && [ -z "$(find "$ROOT" -name '*.so*' -print -quit)" ] && [ -z "$MISSING" ]; then
  ln -s "../root/$EXE_REL" "$UPX"
else
  # Wrapper: the unpacked libraries first on the search path.
  LIBDIRS=""
  while IFS= read -r dir; do LIBDIRS="${LIBDIRS:+$LIBDIRS:}$dir"; done < <(
    find "$ROOT" -name '*.so*' \( -type f -o -type l \) -printf '%h\n' | sort -u)
  cat >"$UPX" <<EOF
#!/bin/sh
# Generated by install-upx.sh: runs the unpacked $PKG with its unpacked shared libraries.
${LIBDIRS:+LD_LIBRARY_PATH="$LIBDIRS\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}"
export LD_LIBRARY_PATH}
exec "$ROOT/$EXE_REL" "\$@"
EOF
  chmod +x "$UPX"
  [ -n "$MISSING" ] && die "still missing after unpacking dependencies: $(echo $MISSING)"
fi

upx_ok "$UPX" || die "$UPX does not run or is older than UPX 4: $("$UPX" --version 2>&1 | head -n 1)"
basename "$DEB" >"$CACHE/.installed"
finish
