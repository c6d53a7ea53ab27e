#!/usr/bin/env bash
# jrnl: a plain-text journal, an encrypted one (cryptography: PBKDF2 + Fernet, password on stdin,
# the password stored through a keyring backend named in keyring's own config file), a DayOne
# journal (plist entries with a stored IANA time zone, read back with zoneinfo), a folder journal,
# import, tag counts, search and date filters, and the JSON/XML/Markdown/YAML exporters.
source "$(dirname "$0")/../lib.sh"
setup "$@"
export TZ=Asia/Tokyo
mkdir -p diary.dayone/entries notes yamlout "$XDG_CONFIG_HOME/python_keyring"
cat > jrnl.yaml <<YAML
colors: {body: none, date: none, tags: none, title: none}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: true
indent_character: '|'
journals:
  default: {journal: $WORKDIR/journal.txt}
  work: {journal: $WORKDIR/work.txt}
  diary: {journal: $WORKDIR/diary.dayone/}
  notes: {journal: $WORKDIR/notes/}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: v4.6
YAML
J() { run "$BIN" --config-file "$WORKDIR/jrnl.yaml" "$@"; }
run "$BIN" --version
expect_output '^jrnl v4\.6'
# Plain journal: entries with natural-language dates (parsedatetime), tags, filters, exporters.
J "2024-03-01 10:00: Started the @bench project. It went well." </dev/null
J "2024-03-02 16:30: Reviewed @bench notes with @alice" </dev/null
J "yesterday at 5pm: Cleaned up the @garden" </dev/null
expect_file journal.txt '^\[2024-03-01 10:00\] Started the @bench project\.'
J -n 10
expect_output '2024-03-02 16:30 Reviewed @bench notes with @alice'
expect_output '3 entries found'
J --tags
expect_output '@bench +: 2'
expect_output '@alice +: 1'
J -from 2024-03-02 -to 2024-03-31 --format json
expect_output '"title": "Reviewed @bench notes with @alice"'
grep -q 'Started the' "$OUT" && fail "-from 2024-03-02 still listed the entry of 2024-03-01"
J @alice --format xml
expect_output '<entry date="2024-03-02T16:30:00" starred="">'
J -contains "went well" --format md
expect_output '### 2024-03-01 10:00 Started the @bench project\.'
printf '[2023-01-02 07:00] Imported @old entry.\nWith a body.\n\n[2023-01-03 07:00] Second imported.\n' > import.txt
J --import --file import.txt
expect_output '2 imported to default journal'
J --format yaml -o yamlout
expect_file yamlout/2023-01-02_imported-old-entry.md '^tags: old'
expect_file yamlout/2024-03-01_started-the-bench-project.md '^date: 2024-03-01 10:00'
# Encrypted journal: encrypt with a password from stdin, read it back, refuse a wrong password.
J work "2024-05-05 08:00: Secret @plan for the launch" </dev/null
printf 'pw-bench-1\npw-bench-1\nn\n' | J work --encrypt
expect_output "Journal encrypted to $WORKDIR/work.txt"
head -c 6 work.txt | grep -q '^JRNLv3' || fail "work.txt does not start with the JRNLv3 header"
grep -q 'Secret @plan' work.txt && fail "work.txt still holds the plain text"
printf 'pw-bench-1\n' | J work -n 5
expect_output '2024-05-05 08:00 Secret @plan for the launch'
echo "+ $BIN work -n 5 (three wrong passwords, expect exit 1)"
printf 'x\ny\nz\n' | timeout -k 10 "$STEP_TIMEOUT" "$BIN" --config-file "$WORKDIR/jrnl.yaml" work -n 5 >"$OUT" 2>&1 && fail "three wrong passwords were accepted"
expect_output 'Too many attempts with wrong password'
printf 'pw-bench-1\n' | J --decrypt work
expect_file work.txt '^\[2024-05-05 08:00\] Secret @plan for the launch'
# The keyring backend named in keyring's config file (imported by name): storing the password
# then succeeds quietly instead of warning that no backend was found.
printf '[backend]\ndefault-keyring=keyring.backends.null.Keyring\n' > "$XDG_CONFIG_HOME/python_keyring/keyringrc.cfg"
printf 'pw-bench-2\npw-bench-2\ny\n' | J work --encrypt
expect_output "Journal encrypted to $WORKDIR/work.txt"
grep -q 'Keyring backend not found' "$OUT" && fail "the configured keyring backend was not found"
# DayOne journal: an entry written with the local zone (TZ), and one stored in UTC with
# Time Zone America/New_York, shown in that zone (zoneinfo).
J diary "2024-06-01 12:30: Tokyo @trip day one" </dev/null
ls diary.dayone/entries/*.doentry >/dev/null 2>&1 || fail "no .doentry file was written"
grep -q '<string>Asia/Tokyo</string>' diary.dayone/entries/*.doentry || fail "the DayOne entry lacks Time Zone Asia/Tokyo"
cat > diary.dayone/entries/0123456789ABCDEF0123456789ABCDEF.doentry <<'PLIST'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>Creation Date</key>
	<date>2024-06-01T03:30:00Z</date>
	<key>Starred</key>
	<true/>
	<key>Entry Text</key>
	<string>New York late @call</string>
	<key>Time Zone</key>
	<string>America/New_York</string>
	<key>UUID</key>
	<string>0123456789ABCDEF0123456789ABCDEF</string>
	<key>Tags</key>
	<array><string>call</string></array>
</dict>
</plist>
PLIST
J diary -n 5
expect_output '2024-05-31 23:30 New York late @call'
expect_output '2024-06-01 12:30 Tokyo @trip day one'
# Folder journal: one file per day.
J notes "2024-07-04 18:00: Folder @entry" </dev/null
expect_file notes/2024/07/04.txt 'Folder @entry'
J notes -n 2
expect_output '2024-07-04 18:00 Folder @entry'
echo "functional: ok"
