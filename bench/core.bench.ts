// Core helpers whose cost grows with input: the exact largest-remainder split.
import { allocate } from '../src/core/allocate.ts';
import type { BenchCase } from './harness.ts';

const weights: Array<[string, number]> = Array.from({ length: 100_000 }, (_, i) => [`agent${i}`, (i % 97) + 1]);

export const cases: readonly BenchCase[] = [
  { name: 'core/allocate 3,000,000.00 over 100,000 weighted ids', budgetMs: 100, runs: 15, run: () => allocate('3000000.00', weights) },
];
