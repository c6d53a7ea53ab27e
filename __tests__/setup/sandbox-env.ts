// Keeps every test away from the real runner's files: RUNNER_TEMP, RUNNER_TOOL_CACHE, GITHUB_OUTPUT
// and GITHUB_STEP_SUMMARY point into a fresh temp dir per test file.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'pba-test-'))
for (const dir of ['temp', 'tool-cache']) fs.mkdirSync(path.join(sandbox, dir))
process.env.RUNNER_TEMP = path.join(sandbox, 'temp')
if (!process.env.PBA_SHARED_TOOL_CACHE)
  process.env.RUNNER_TOOL_CACHE = path.join(sandbox, 'tool-cache')
else process.env.RUNNER_TOOL_CACHE = process.env.PBA_SHARED_TOOL_CACHE
process.env.GITHUB_OUTPUT = path.join(sandbox, 'github-output')
process.env.GITHUB_STEP_SUMMARY = path.join(sandbox, 'step-summary.md')
fs.writeFileSync(process.env.GITHUB_OUTPUT, '')
fs.writeFileSync(process.env.GITHUB_STEP_SUMMARY, '')
