import { labInstance, VARIANTS } from './bench/roster-instances.ts';
import { generateRoster, validateRoster } from './src/roster/index.ts';
const input = labInstance(20, 1, VARIANTS.base);
const t0 = Date.now(); const r = generateRoster(input); console.log('ms', Date.now()-t0);
console.log(r.objective, r.lowerBound, r.provenOptimal, r.totals, r.objectiveTerms, r.assignments.length, r.unmet.length);
console.log(r.explanation.summary.slice(0,6)); console.log(r.explanation.bindingRules.slice(0,4)); console.log(r.explanation.levers);
console.log(r.unmet[0]); console.log(r.fairness.byKind);
console.log('violations', validateRoster(input, r.assignments).length);
