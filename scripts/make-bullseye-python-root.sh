#!/usr/bin/env bash
# A Debian 11 "bullseye" root (glibc 2.31) with Debian 11's own Python 3.9, for building inside an
# older system the way a job container does (__tests__/integration/old-root.itg.test.ts). It starts
# from the base root of scripts/make-bullseye-root.sh (copied, which stays as it is) and adds
# bullseye's packages with `chroot ROOT apt-get install`. Cached between runs; the stamp file holds
# the package list, so changing the list below rebuilds the root. Needs root (chroot, mount).
#
#   root="$(bash scripts/make-bullseye-python-root.sh)"   # last line of stdout: the root folder
#
# Packages: python3 (3.9.2), python3-venv and python3-pip (venv + pip for the action's Poetry and
# project venvs), libpython3.9 (the shared libpython3.9.so.1.0 that PyInstaller bundles; Debian's
# python3.9 binary is linked statically and does not pull it in), binutils (readelf for the glibc
# floor; objdump/strip for PyInstaller); for the Nuitka backend python3-dev (Python.h), gcc 10.2,
# make (gcc's LTO link runs it: without it lto-wrapper fails with "execvp"), patchelf 0.12 and
# ccache; ca-certificates.
# Environment: BULLSEYE_PYTHON_ROOT (default ${XDG_CACHE_HOME:-$HOME/.cache}/poetry-binary-action/bullseye-python-root);
# BULLSEYE_ROOT and BULLSEYE_MIRROR as for make-bullseye-root.sh.
set -euo pipefail
exec 3>&1 1>&2
cd "$(dirname "$0")/.."
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/poetry-binary-action"
ROOT="${BULLSEYE_PYTHON_ROOT:-$CACHE/bullseye-python-root}"
PACKAGES="python3 python3-venv python3-pip libpython3.9 python3-dev binutils gcc libc6-dev make patchelf ccache ca-certificates"
STAMP="bullseye minbase+libc6-dev; apt-get install --no-install-recommends $PACKAGES"
log() { printf 'make-bullseye-python-root: %s\n' "$*" >&2; }

if [ -f "$ROOT/.complete" ] && [ "$(cat "$ROOT/.complete")" = "$STAMP" ] &&
  [ -e "$ROOT/usr/lib/x86_64-linux-gnu/libpython3.9.so.1.0" ]; then
  log "cached root at $ROOT"
  printf '%s\n' "$ROOT" >&3
  exit 0
fi
[ "$(id -u)" = 0 ] || { log "error: chroot and mount need root"; exit 1; }

BASE="$(bash scripts/make-bullseye-root.sh | tail -n 1)"
TMP="$ROOT.tmp"
cleanup() {
  if mountpoint -q "$TMP/proc"; then umount "$TMP/proc"; fi
}
trap cleanup EXIT
cleanup
rm -rf "$TMP"
log "copying the base root $BASE"
cp -a "$BASE" "$TMP"
rm -f "$TMP/.complete"
# apt inside the root needs name resolution; the mirror is plain HTTP, so no CA is needed here.
cp -L /etc/resolv.conf "$TMP/etc/resolv.conf"
mount -t proc proc "$TMP/proc"
log "apt-get install $PACKAGES"
chroot "$TMP" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
  sh -c "apt-get update -q && apt-get install -y -q --no-install-recommends $PACKAGES && apt-get clean" >&2
cleanup
rm -rf "$TMP/var/lib/apt/lists/"*
rm -rf "$ROOT"
mv "$TMP" "$ROOT"
printf '%s' "$STAMP" >"$ROOT/.complete"
log "$(chroot "$ROOT" /usr/bin/python3 --version), $(chroot "$ROOT" /usr/bin/ldd --version | head -n 1)"
printf '%s\n' "$ROOT" >&3
