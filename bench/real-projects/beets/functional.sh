#!/usr/bin/env bash
# beets: import two tagged files (MP3, FLAC) into a library without autotagging, then query, modify,
# move, write tags back and export, with plugins named in the config (imported by name from the
# beetsplug namespace package): info, inline (Python expressions compiled at run time), types,
# ftintitle, bareasc (unidecode), zero, export. The audio files are beets' own test resources.
source "$(dirname "$0")/../lib.sh"
FIXTURES=$(cd "$(dirname "$0")/fixtures" && pwd)
setup "$@"
export BEETSDIR="$WORKDIR/beetsdir"
mkdir -p "$BEETSDIR" in/a
cp "$FIXTURES/full.mp3" "$FIXTURES/full.flac" in/a/ || fail "copy the fixtures"
cat > "$BEETSDIR/config.yaml" <<YAML
directory: $WORKDIR/music
library: $WORKDIR/library.db
plugins: info inline export types ftintitle bareasc zero
import:
  copy: yes
  write: yes
  autotag: no
  quiet: yes
  log: $WORKDIR/import.log
paths:
  default: \$albumartist/\$album%aunique{}/\$track \$title
item_fields:
  initial: albumartist[0].upper() + '-' + str(track * 10)
types:
  rating: int
zero:
  fields: comments
YAML
# The version line and the plugins the config names, each found as beetsplug.<name>.
run "$BIN" version
expect_output '^beets version 2\.1\.0'
expect_output '^plugins: bareasc, export, ftintitle, info, inline, types, zero'
# Tags read by mediafile (mutagen), before the import.
run "$BIN" info in/a/full.mp3
expect_output 'composer: the composer'
expect_output 'format: MP3'
run "$BIN" import -A in
expect_file "music/Compilations/the album/02 full.mp3"
expect_file "music/Compilations/the album/02 full.flac"
expect_file import.log 'import started'
run "$BIN" ls -f '$initial|$format|$title'
expect_output '^V-20\|MP3\|full$'
expect_output '^V-20\|FLAC\|full$'
# A flexible attribute typed by the types plugin (numeric range query).
run "$BIN" modify -y format:MP3 rating=4 'artist=Ana Müller feat. Zoë' 'title=Café Olé' comp=0 'albumartist=Ana Müller'
run "$BIN" ls -f '$title' rating:3..5
expect_output '^Café Olé$'
run "$BIN" ls -f '$title' rating:5..9
[ -s "$OUT" ] && fail "rating:5..9 matched an item rated 4"
run "$BIN" ftintitle
run "$BIN" ls -f '$artist|$title' format:MP3
expect_output '^Ana Müller\|Café Olé feat\. Zoë$'
# bareasc: an ASCII query matches accented text (unidecode).
run "$BIN" ls -f '$title' '#cafe ole'
expect_output '^Café Olé feat\. Zoë$'
# asciify_paths (unidecode) when moving.
printf 'asciify_paths: yes\n' >> "$BEETSDIR/config.yaml"
run "$BIN" move
expect_file "music/Various Artists/the album/02 Cafe Ole feat. Zoe.mp3"
# Tags written back to the file; the zero plugin clears comments on write.
run "$BIN" write
run "$BIN" info "music/Various Artists/the album/02 Cafe Ole feat. Zoe.mp3"
expect_output 'title: Café Olé feat\. Zoë'
expect_output 'artist: Ana Müller$'
grep -q 'the comments' "$OUT" && fail "zero did not clear the comments on write"
run "$BIN" export -f json format:FLAC
expect_output '"format": "FLAC"'
expect_output '"title": "full"'
run "$BIN" stats
expect_output '^Tracks: 2$'
expect_output '^Albums: 1$'
run "$BIN" fields
expect_output '^  initial$'
echo "functional: ok"
