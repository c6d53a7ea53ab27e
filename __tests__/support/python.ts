import { execFileSync } from 'node:child_process'

/** Runs a Python program with JSON on stdin and parses the JSON it prints (unit tests use this to check generated Python). */
export function python<T>(program: string, input: unknown): T {
  const out = execFileSync(process.env.PYTHON ?? 'python3', ['-c', program], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  })
  return JSON.parse(out) as T
}
