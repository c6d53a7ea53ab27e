#!/usr/bin/env bash
# A Debian 11 "bullseye" root (glibc 2.31) for the glibc-floor test, made with debootstrap from
# Debian's own packages and cached between runs. Needs root (debootstrap's second stage chroots).
#
#   root="$(bash scripts/make-bullseye-root.sh)"   # last line of stdout: the root folder
#   chroot "$root" /tmp/my-binary --version
#
# debootstrap itself comes from bookworm through scripts/install-debian-tool.sh (no system
# change). The root includes libc6-dev, so `gcc --sysroot="$root"` links against glibc 2.31.
# Environment: BULLSEYE_ROOT (default ${XDG_CACHE_HOME:-$HOME/.cache}/poetry-binary-action/bullseye-root),
# BULLSEYE_MIRROR (default http://deb.debian.org/debian).
set -euo pipefail
exec 3>&1 1>&2
cd "$(dirname "$0")/.."
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/poetry-binary-action"
ROOT="${BULLSEYE_ROOT:-$CACHE/bullseye-root}"
MIRROR="${BULLSEYE_MIRROR:-http://deb.debian.org/debian}"
log() { printf 'make-bullseye-root: %s\n' "$*" >&2; }

if [ -f "$ROOT/.complete" ] && [ -e "$ROOT/usr/lib/x86_64-linux-gnu/libc-2.31.so" ]; then
  log "cached root at $ROOT"
  printf '%s\n' "$ROOT" >&3
  exit 0
fi
[ "$(id -u)" = 0 ] || { log "error: debootstrap needs root"; exit 1; }

DBC="$CACHE/debootstrap"
export DEBOOTSTRAP_DIR="$DBC/root/usr/share/debootstrap"
DEBOOTSTRAP="$(bash scripts/install-debian-tool.sh --package debootstrap --suite bookworm \
  --exe usr/sbin/debootstrap --name debootstrap --log-name make-bullseye-root --cache "$DBC" | tail -n 1)"

rm -rf "$ROOT.tmp"
log "debootstrap bullseye (minbase + libc6-dev) into $ROOT from $MIRROR"
"$DEBOOTSTRAP" --variant=minbase --include=libc6-dev \
  --keyring=/usr/share/keyrings/debian-archive-keyring.gpg bullseye "$ROOT.tmp" "$MIRROR" >&2
# The loader's symlink is absolute (/lib64/ld-linux-x86-64.so.2 -> /lib/x86_64-linux-gnu/ld-2.31.so):
# make it relative, so `ld --sysroot` resolves it inside the root. The same file either way.
LDSO="$(readlink "$ROOT.tmp/usr/lib64/ld-linux-x86-64.so.2")"
ln -sfn "../..${LDSO}" "$ROOT.tmp/usr/lib64/ld-linux-x86-64.so.2"
rm -rf "$ROOT"
mv "$ROOT.tmp" "$ROOT"
touch "$ROOT/.complete"
log "glibc $(chroot "$ROOT" /usr/bin/ldd --version | head -n 1)"
printf '%s\n' "$ROOT" >&3
