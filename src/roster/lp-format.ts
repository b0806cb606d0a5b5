import type { Model } from 'yalps';

/** A model in CPLEX LP text, with the model's variable name for each LP column name. */
export interface LpText {
  readonly text: string;
  readonly names: ReadonlyMap<string, string>;
}

/**
 * Writes a yalps model (minimise, rows with min/max/equal, integer columns) as CPLEX LP text
 * for an external solver. Columns become x0, x1… and rows r0, r1…, since the model's own
 * names use characters that LP format reserves.
 */
export function toLpFormat(model: Model, options: { integers: boolean }): LpText {
  const columns = new Map<string, string>();
  const names = new Map<string, string>();
  const rows = new Map<string, Array<[string, number]>>();
  const objective: Array<[string, number]> = [];
  const variables = pairs<unknown>(model.variables);
  for (const [name, coefficients] of variables) {
    const column = `x${columns.size}`;
    columns.set(name, column);
    names.set(column, name);
    for (const [row, value] of pairs<number>(coefficients)) {
      if (row === model.objective) objective.push([column, value]);
      else rows.set(row, [...(rows.get(row) ?? []), [column, value]]);
    }
  }
  const lines = ['Minimize', ` obj: ${terms(objective) || '0 x0'}`, 'Subject To'];
  const constraints = pairs<unknown>(model.constraints ?? {});
  let r = 0;
  for (const [row, bounds] of constraints) {
    const entries = rows.get(row);
    if (entries === undefined || entries.length === 0) continue;
    const expression = terms(entries);
    const b = bounds as { min?: number; max?: number; equal?: number };
    if (b.equal !== undefined) lines.push(` r${r++}: ${expression} = ${b.equal}`);
    else {
      if (b.min !== undefined) lines.push(` r${r++}: ${expression} >= ${b.min}`);
      if (b.max !== undefined) lines.push(` r${r++}: ${expression} <= ${b.max}`);
    }
  }
  const integers = options.integers && Array.isArray(model.integers) ? model.integers.map((n) => columns.get(n)).filter((c): c is string => c !== undefined) : [];
  if (integers.length > 0) lines.push('General', ...chunk(integers));
  lines.push('End');
  return { text: lines.join('\n'), names };
}

/** yalps takes maps, arrays of pairs or plain objects alike. */
function pairs<V>(source: unknown): Array<[string, V]> {
  if (source instanceof Map || Array.isArray(source)) return [...(source as Iterable<[string, V]>)];
  return Object.entries(source as Record<string, V>);
}

function terms(entries: ReadonlyArray<readonly [string, number]>): string {
  return entries
    .filter(([, v]) => v !== 0)
    .map(([c, v], i) => `${v < 0 ? '- ' : i === 0 ? '' : '+ '}${Math.abs(v)} ${c}`)
    .join(' ');
}

/** LP format limits line length; a few names per line stays well within it. */
function chunk(names: readonly string[]): string[] {
  const lines: string[] = [];
  for (let i = 0; i < names.length; i += 20) lines.push(` ${names.slice(i, i + 20).join(' ')}`);
  return lines;
}
