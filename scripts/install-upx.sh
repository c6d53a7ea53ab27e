#!/usr/bin/env bash
# Install a modern UPX (Debian's upx-ucl from bookworm-backports, 4.2.x) into a private cache,
# without root and without touching the system's apt state.
#
#   upx="$(bash scripts/install-upx.sh)"      # last line of stdout: absolute path of `upx`
#   "$upx" --version                           # -> upx 4.2.2
#   pyinstaller --upx-dir "$(dirname "$upx")" ...
#
# The work is done by install-debian-tool.sh (private apt state, `apt-get download`,
# `dpkg-deb -x`, see there). The executable is exposed as <cache>/bin/upx (a symlink, or a wrapper
# that sets LD_LIBRARY_PATH if shared libraries are missing on this machine), so <cache>/bin can
# be given to PyInstaller's --upx-dir. upx-ucl 4.2.2-3~bpo12+1 links UCL, zlib and zstd statically
# and needs only libc6, libgcc-s1, libstdc++6, so it is normally a symlink.
#
# Idempotent: a rerun that finds a working <cache>/bin/upx (UPX 4 or newer) prints its path at once.
# Everything except the final path goes to stderr.
#
# Environment (all optional; the generic DEBIAN_TOOL_* names of install-debian-tool.sh work too):
#   UPX_CACHE_DIR         cache folder (default ${XDG_CACHE_HOME:-$HOME/.cache}/poetry-binary-action/upx-ucl)
#   UPX_DEBIAN_MIRROR     Debian archive URL to use instead of the one found in /etc/apt
#   UPX_DEBIAN_KEYRING    keyring that signs that archive (default: the source's Signed-By, else
#                         /usr/share/keyrings/debian-archive-keyring.gpg)
#   UPX_DEBIAN_SUITE      suite to take upx-ucl from (default bookworm-backports)
#   UPX_FORCE_REINSTALL=1 ignore the cached install and fetch again
#   UPX_FORCE_WRAPPER=1   (testing) take the dependency + LD_LIBRARY_PATH wrapper path even when
#                         no shared library is missing
set -euo pipefail

args=(
  --log-name install-upx
  --package upx-ucl
  --suite "${UPX_DEBIAN_SUITE:-bookworm-backports}"
  --exe usr/bin/upx-ucl --exe usr/bin/upx
  --name upx
  --version-regex '^upx ([4-9]|[1-9][0-9])\.'
  --cache "${UPX_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/poetry-binary-action/upx-ucl}"
)
if [ -n "${UPX_DEBIAN_MIRROR:-}" ]; then args+=(--mirror "$UPX_DEBIAN_MIRROR"); fi
if [ -n "${UPX_DEBIAN_KEYRING:-}" ]; then args+=(--keyring "$UPX_DEBIAN_KEYRING"); fi
if [ "${UPX_FORCE_REINSTALL:-0}" = 1 ]; then args+=(--force-reinstall); fi
if [ "${UPX_FORCE_WRAPPER:-0}" = 1 ]; then args+=(--force-wrapper); fi

exec bash "$(dirname "${BASH_SOURCE[0]}")/install-debian-tool.sh" "${args[@]}"
