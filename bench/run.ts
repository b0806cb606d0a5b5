// npm run bench: runs every bench/*.bench.ts and prints one JSON line per case.
// Exits 1 when a case misses its budget, so the command can gate a release.
// Each file runs in its own process: one file's data (a million orders, say) must not leave a
// heap that slows the next file's timings.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { measure, type BenchCase } from './harness.ts';

const dir = new URL('./', import.meta.url);
const [filter, only] = [process.argv[2] === '' ? undefined : process.argv[2], process.argv[3]];

if (only === undefined) {
  let failed = false;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), filter ?? '', file], { stdio: 'inherit' });
    if (child.status !== 0) failed = true;
  }
  process.exitCode = failed ? 1 : 0;
} else {
  const mod = (await import(new URL(only, dir).href)) as { cases: readonly BenchCase[] };
  let failed = 0;
  for (const c of mod.cases) {
    if (filter !== undefined && !c.name.includes(filter)) continue;
    const result = measure(c);
    if (!result.ok) failed++;
    console.log(JSON.stringify(result));
  }
  process.exitCode = failed === 0 ? 0 : 1;
}
