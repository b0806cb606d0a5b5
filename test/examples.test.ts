// Runs every examples/*.example.ts: each one asserts its own results, so a docs example that
// stops being true fails here.
import { readdirSync } from 'node:fs';
import { describe, it } from 'vitest';

const dir = new URL('../examples/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.example.ts'));

describe('examples', () => {
  it('has at least one example', () => {
    if (files.length === 0) throw new Error('no examples/*.example.ts found');
  });
  for (const file of files) {
    it(`${file} runs and its assertions hold`, async () => {
      await import(/* @vite-ignore */ new URL(file, dir).href);
    });
  }
});
