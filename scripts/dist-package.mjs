// Marks the ncc bundles as ES modules, the way the runner loads them, and puts the hash-locked
// requirement files beside each bundle, where src/tools/locked-install.ts looks for them (./locks
// next to the running module: src/tools/locks in the sources, dist/locks and dist/cli/locks here).
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
const LOCKS = 'src/tools/locks'
for (const dir of ['dist', 'dist/cli']) {
  writeFileSync(`${dir}/package.json`, `${JSON.stringify({ type: 'module' }, null, 2)}\n`)
  rmSync(`${dir}/locks`, { recursive: true, force: true })
  mkdirSync(`${dir}/locks`, { recursive: true })
  for (const file of readdirSync(LOCKS).filter(f => f.endsWith('.txt'))) {
    copyFileSync(`${LOCKS}/${file}`, `${dir}/locks/${file}`)
  }
}
