#!/usr/bin/env bash
# Points the major tag vX at the commit of a release tag vX.Y.Z, so `uses: owner/action@v1` gets
# the newest 1.x release. A release older than the newest vX.* tag (a backport) leaves vX alone.
#
#   bash scripts/release/move-major-tag.sh v1.2.3 [remote]
#
# With a remote, the major tag is force-pushed there. Run inside the repository's work tree.
set -euo pipefail
tag="${1:?usage: move-major-tag.sh vX.Y.Z [remote]}"
remote="${2:-}"
if ! [[ "$tag" =~ ^v([0-9]+)\.[0-9]+\.[0-9]+$ ]]; then
  echo "error: '$tag' is not a release tag vX.Y.Z" >&2
  exit 1
fi
major="v${BASH_REMATCH[1]}"
commit="$(git rev-parse --verify --quiet "refs/tags/$tag^{commit}")" || {
  echo "error: tag $tag does not exist" >&2
  exit 1
}
# The newest release of this major line, by version order (v1.10.0 after v1.9.0).
newest="$(git tag --list "$major.*.*" --sort=-v:refname | grep -E "^$major\.[0-9]+\.[0-9]+$" | head -1)"
if [ "$newest" != "$tag" ]; then
  echo "$tag is older than $newest: $major stays at $newest" >&2
  exit 0
fi
previous="$(git rev-parse --verify --quiet "refs/tags/$major^{commit}" || true)"
git tag --force "$major" "$commit" >/dev/null
if [ -n "$previous" ] && [ "$previous" != "$commit" ]; then
  echo "$major moved from ${previous:0:12} to ${commit:0:12} ($tag)" >&2
elif [ -z "$previous" ]; then
  echo "$major created at ${commit:0:12} ($tag)" >&2
else
  echo "$major already at ${commit:0:12} ($tag)" >&2
fi
if [ -n "$remote" ]; then
  git push --force "$remote" "refs/tags/$major:refs/tags/$major"
fi
