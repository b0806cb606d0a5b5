// npm run bench: runs every bench/*.bench.ts and prints one JSON line per case.
// Exits 1 when a case misses its budget, so the command can gate a release.
import { readdirSync } from 'node:fs';
import { measure, type BenchCase } from './harness.ts';

const dir = new URL('./', import.meta.url);
const filter = process.argv[2];
let failed = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
  const mod = (await import(new URL(file, dir).href)) as { cases: readonly BenchCase[] };
  for (const c of mod.cases) {
    if (filter !== undefined && !c.name.includes(filter)) continue;
    const result = measure(c);
    if (!result.ok) failed++;
    console.log(JSON.stringify(result));
  }
}
process.exitCode = failed === 0 ? 0 : 1;
