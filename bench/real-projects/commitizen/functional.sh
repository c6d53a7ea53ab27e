#!/usr/bin/env bash
# commitizen: in a throwaway git repository, validate messages, bump the version from conventional
# commits (tag + version file), render the changelog (jinja2 templates in the package), list the
# committers found through entry points, and print the bundled info text.
source "$(dirname "$0")/../lib.sh"
setup "$@"
mkdir repo && cd repo || fail "mkdir repo"
git init -q -b main . || fail "git init"
cat > pyproject.toml <<'TOML'
[tool.commitizen]
name = "cz_conventional_commits"
version = "0.1.0"
tag_format = "v$version"
version_files = ["VERSION"]
update_changelog_on_bump = false
TOML
echo 0.1.0 > VERSION
git add -A && git commit -q -m "chore: initial commit" || fail "git commit"
git tag v0.1.0
echo a > a.txt && git add a.txt && git commit -q -m "feat(core): add the a file" || fail "git commit"
echo b > b.txt && git add b.txt && git commit -q -m "fix: repair the b file" || fail "git commit"
run "$BIN" check --message "feat(api): a valid message"
expect_output 'Commit validation: successful'
run_expect_exit 14 "$BIN" check --message "not a conventional message"
expect_output 'commit validation: failed'
run "$BIN" ls
expect_output 'cz_conventional_commits'
expect_output 'cz_jira'
run "$BIN" info
expect_output 'The commit contains the following structural elements'
run "$BIN" -n cz_jira example
expect_output 'JRA-34'
run "$BIN" bump --yes
expect_output 'bump: version 0.1.0 → 0.2.0'
expect_file VERSION '^0\.2\.0$'
git tag | grep -qx v0.2.0 || fail "bump did not create tag v0.2.0"
run "$BIN" changelog
expect_file CHANGELOG.md '## v0.2.0'
expect_file CHANGELOG.md 'add the a file'
expect_file CHANGELOG.md 'repair the b file'
run "$BIN" version --project
expect_output '^0\.2\.0$'
echo "functional: ok"
