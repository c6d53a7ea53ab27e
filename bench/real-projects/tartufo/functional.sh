#!/usr/bin/env bash
# tartufo: scan a small git repository (history, staged changes) and a plain folder for secrets:
# regex rules from the package's default_regexes.json, entropy checks, JSON/compact output, a config
# file that excludes signatures, per-issue JSON files in an output directory.
source "$(dirname "$0")/../lib.sh"
setup "$@"
mkdir -p repo plain/sub
cd repo || fail "cd repo"
git init -q -b main . || fail "git init"
printf 'hello world\n' > README
git add README && git commit -qm init || fail "git commit init"
printf -- '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n' > key.pem
git add key.pem && git commit -qm "add key" || fail "git commit key"
printf 'api_secret = "Xk3Jq9LmPz8Rt2Wv7YbN4cFh6DgK1sAe5UoIyTxQ"\n' > settings.py
git add settings.py && git commit -qm "add settings" || fail "git commit settings"
# The version comes from the distribution's metadata (importlib.metadata.version).
run "$BIN" --version
expect_output 'tartufo, version 6\.0\.0'
# The subcommands are found by listing the tartufo/commands folder for *.py files.
run "$BIN" --help
expect_output 'scan-local-repo +Scan a repository already cloned'
expect_output 'scan-folder +Scan a folder'
# Regex rules only (the package's data/default_regexes.json): the key in the history, by pygit2.
run_expect_exit 1 "$BIN" --no-entropy scan-local-repo .
expect_output 'Reason: Regular Expression Match'
expect_output 'Detail: RSA private key'
expect_output 'Filepath: key\.pem'
expect_output 'Commit message: add key'
run_expect_exit 1 "$BIN" --no-entropy -of json scan-local-repo .
expect_output '"issue_detail": "RSA private key"'
expect_output '"issue_detail": "Generic Secret"'
# Entropy only: the high-entropy string.
run_expect_exit 1 "$BIN" --no-regex -of compact scan-local-repo .
expect_output '\[High Entropy\] settings\.py: Xk3Jq9LmPz8Rt2Wv7YbN4cFh6DgK1sAe5UoIyTxQ'
# Staged changes (pre-commit mode).
printf 'password = "Mn8Bv6Cx4Zl2Kj0Hg9Fd7Sa5Qw3Er1Ty"\n' > staged.py
git add staged.py || fail "git add staged.py"
run_expect_exit 1 "$BIN" -of compact pre-commit
expect_output '\[High Entropy\] staged\.py: Mn8Bv6Cx4Zl2Kj0Hg9Fd7Sa5Qw3Er1Ty'
git reset -q staged.py && rm -f staged.py
# A config file that excludes both regex findings by signature: a clean scan.
cat > ../tartufo.toml <<'TOML'
[tool.tartufo]
exclude-signatures = [
  {signature = "95134e58e7f7ab3acfc6fddc13757583b5b0d3d6de9d1d23fb4f3cf4368b3636", reason = "test key"},
  {signature = "2dd56d962079da410cff7d43f428b862e94c5056ebe627c93bbbf8a96308f80c", reason = "test secret"},
]
TOML
run "$BIN" --config ../tartufo.toml --no-entropy -of compact scan-local-repo .
grep -q 'Regular Expression Match' "$OUT" && fail "excluded signatures were still reported"
# One JSON file per issue in an output directory.
run_expect_exit 1 "$BIN" -od ../out --no-entropy scan-local-repo .
[ "$(find ../out -name '*.json' | wc -l)" -eq 2 ] || fail "expected 2 issue files under out/"
grep -rqs '"file_path": "key.pem"' ../out || fail "no issue file names key.pem"
cd .. || fail "cd .."
# A plain folder (no git).
printf 'aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"\n' > plain/sub/creds.txt
run_expect_exit 1 "$BIN" -of compact scan-folder plain
expect_output '\[High Entropy\] sub/creds\.txt: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
echo "functional: ok"
