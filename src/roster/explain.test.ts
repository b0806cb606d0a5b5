import { describe, expect, it } from 'vitest';
import { labInstance, VARIANTS } from '../../bench/roster-instances.ts';
import { parseInput } from '../core/validate.ts';
import { whatIfLevers } from './explain.ts';
import { RosterInput } from './input.ts';
import { buildProblem } from './problem.ts';

const problem = () => buildProblem(parseInput(RosterInput, labInstance(20, 1, VARIANTS['base']), 'test'));

describe('whatIfLevers (the explanation’s what-ifs)', () => {
  it('re-solves with one rule relaxed at a time: +1 agent 239 → 139, 6 days in 7 → 72, an hour less rest 239', () => {
    const levers = whatIfLevers(problem(), 239, 5000, false);
    expect(Object.fromEntries(levers.map((l) => [l.lever, l.objectiveLowerBound]))).toEqual({ addAgent: 139, sixDaysIn7: 72, restOneHourShorter: 239 });
  });

  it('starts no solve after its deadline: the levers that would not fit are left out, not waited for', () => {
    expect(whatIfLevers(problem(), 239, 5000, false, 0)).toEqual([]);
  });
});
