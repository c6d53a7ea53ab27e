#!/usr/bin/env bash
# Install ccache 4 (Debian's ccache from bookworm) into a private cache, without root and without
# touching the system's apt state; for Nuitka's compile caching in tests.
#
#   ccache="$(bash scripts/install-ccache.sh)"   # last line of stdout: absolute path of `ccache`
#   "$ccache" --version                          # -> ccache version 4.7.5
#
# If a ccache 4 or newer is already on PATH, its path is printed and nothing is downloaded.
# Otherwise install-debian-tool.sh does the work (private apt state, `apt-get download`,
# `dpkg-deb -x`, see there) and the executable is exposed as <cache>/bin/ccache. Debian's ccache
# needs libhiredis0.14 (and libzstd1), which a machine without ccache usually lacks, so that is
# normally a wrapper script whose LD_LIBRARY_PATH holds just the missing libraries.
#
# Idempotent: a rerun that finds a working <cache>/bin/ccache prints its path at once.
# Everything except the final path goes to stderr.
#
# Environment (all optional; the generic DEBIAN_TOOL_* names of install-debian-tool.sh work too).
# Not CCACHE_DIR & co.: those configure ccache itself.
#   CCACHE_INSTALL_DIR       cache folder (default ${XDG_CACHE_HOME:-$HOME/.cache}/poetry-binary-action/ccache)
#   CCACHE_DEBIAN_MIRROR     Debian archive URL to use instead of the one found in /etc/apt
#   CCACHE_DEBIAN_KEYRING    keyring that signs that archive
#   CCACHE_DEBIAN_SUITE      suite to take ccache from (default bookworm)
#   CCACHE_FORCE_REINSTALL=1 ignore ccache on PATH and the cached install, and fetch again
#   CCACHE_FORCE_WRAPPER=1   (testing) take the dependency + LD_LIBRARY_PATH wrapper path even
#                            when no shared library is missing
set -euo pipefail

VERSION_REGEX='^ccache version ([4-9]|[1-9][0-9])\.'

if [ "${CCACHE_FORCE_REINSTALL:-0}" != 1 ] && [ "${DEBIAN_TOOL_FORCE_REINSTALL:-0}" != 1 ] \
  && found="$(command -v ccache 2>/dev/null)" && [ -x "$found" ] \
  && out="$("$found" --version 2>/dev/null)" && [[ "${out%%$'\n'*}" =~ $VERSION_REGEX ]]; then
  case "$found" in /*) ;; *) found="$(cd "$(dirname "$found")" && pwd -P)/$(basename "$found")" ;; esac
  printf 'install-ccache: using %s at %s (on PATH)\n' "${out%%$'\n'*}" "$found" >&2
  printf '%s\n' "$found"
  exit 0
fi

args=(
  --log-name install-ccache
  --package ccache
  --suite "${CCACHE_DEBIAN_SUITE:-bookworm}"
  --exe usr/bin/ccache
  --name ccache
  --version-regex "$VERSION_REGEX"
  --cache "${CCACHE_INSTALL_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/poetry-binary-action/ccache}"
)
if [ -n "${CCACHE_DEBIAN_MIRROR:-}" ]; then args+=(--mirror "$CCACHE_DEBIAN_MIRROR"); fi
if [ -n "${CCACHE_DEBIAN_KEYRING:-}" ]; then args+=(--keyring "$CCACHE_DEBIAN_KEYRING"); fi
if [ "${CCACHE_FORCE_REINSTALL:-0}" = 1 ]; then args+=(--force-reinstall); fi
if [ "${CCACHE_FORCE_WRAPPER:-0}" = 1 ]; then args+=(--force-wrapper); fi

exec bash "$(dirname "${BASH_SOURCE[0]}")/install-debian-tool.sh" "${args[@]}"
