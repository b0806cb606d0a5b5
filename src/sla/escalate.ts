import * as z from 'zod/mini';
import { DEFAULT_TIME_ZONE, InstantSchema, TimeZoneSchema, toEpochMs } from '../core/time.ts';
import { MINUTE_MS, ZoneClock } from '../core/zone-clock.ts';
import { checkUnique, Id, Issues } from './parse.ts';
import { EMERGENCY_CLASSES, EMERGENCY_PLANS, type Bilingual, type EmergencyClass } from './plans.ts';

/**
 * SLA-3: the types of problem customer service reports: `prepared` (a prepared plan covers it),
 * `sudden` (no plan: someone must decide), `publicOpinion` (it is, or may become, public).
 *
 * @example
 * ```ts
 * PROBLEM_TYPES; // ['prepared', 'sudden', 'publicOpinion']
 * ```
 */
export const PROBLEM_TYPES = ['prepared', 'sudden', 'publicOpinion'] as const;

/**
 * One of {@link PROBLEM_TYPES}.
 *
 * @example
 * ```ts
 * const type: ProblemType = 'sudden';
 * ```
 */
export type ProblemType = (typeof PROBLEM_TYPES)[number];

/**
 * One cell of the escalation matrix: whom a problem goes to and how soon it needs a solution.
 *
 * @example
 * ```ts
 * const cell: EscalationCell = { level: 'manager', owner: 'operations', solveWithinMinutes: 60, notify: [] };
 * ```
 */
export interface EscalationCell {
  /** The management level the problem is escalated to (one of the matrix's `levels`). */
  readonly level: string;
  /** The team that owns the solution. */
  readonly owner: string;
  /** Minutes after the report by which a solution is due (elapsed time: emergencies keep no office hours). */
  readonly solveWithinMinutes: number;
  /** Teams told as well. */
  readonly notify: readonly string[];
}

/**
 * A complete escalation matrix: a cell for every problem type and emergency class.
 *
 * @example
 * ```ts
 * const m: EscalationMatrix = escalationMatrix();
 * m.cells.sudden.brandIncident.level; // 'director'
 * ```
 */
export interface EscalationMatrix {
  /** The shop's IANA time zone, for the instants in the answers. */
  readonly timeZone: string;
  /** Management levels from the lowest to the highest. */
  readonly levels: readonly string[];
  readonly cells: { readonly [T in ProblemType]: { readonly [C in EmergencyClass]: EscalationCell } };
  /** First actions per class, replacing those of {@link EMERGENCY_PLANS} where given. */
  readonly firstActions: { readonly [C in EmergencyClass]?: readonly Bilingual[] };
}

const cell = (level: string, owner: string, solveWithinMinutes: number, notify: readonly string[] = []): EscalationCell =>
  Object.freeze({ level, owner, solveWithinMinutes, notify: Object.freeze([...notify]) });

const publicCell = (cls: EmergencyClass): EscalationCell =>
  cell('director', 'brand_pr', 240, cls === 'brandIncident' ? ['legal'] : [EMERGENCY_PLANS[cls].owner]);

/**
 * SLA-3: kefu's default escalation matrix. The rule asks for a level, an owner and a time for
 * every problem; the numbers are kefu's, to be replaced with the shop's own:
 *
 * - `prepared`: the team lead (`supervisor`) and the class's owner; the plan exists, so the time
 *   only covers applying it: 15 minutes for power or network (nobody can answer buyers meanwhile),
 *   30 for platform and listing errors, 60 for warehouse and courier failures (outside parties)
 *   and brand incidents (escalated one level higher, to the `manager`).
 * - `sudden`: one level up (`manager`; `director` for brand incidents, with `legal` told), twice
 *   the prepared time: a solution has to be decided, not just applied.
 * - `publicOpinion`: the `director` and brand/PR own it, the class's owner is told, and the
 *   response is due within 4 hours (the "golden four hours" of Chinese crisis PR practice).
 *
 * @example
 * ```ts
 * DEFAULT_ESCALATION_MATRIX.cells.prepared.powerOrNetworkLoss; // { level: 'supervisor', owner: 'it_admin', solveWithinMinutes: 15, notify: [] }
 * ```
 */
export const DEFAULT_ESCALATION_MATRIX: EscalationMatrix = /* @__PURE__ */ Object.freeze({
  timeZone: DEFAULT_TIME_ZONE,
  levels: Object.freeze(['supervisor', 'manager', 'director']),
  cells: Object.freeze({
    prepared: Object.freeze({
      platformOutage: cell('supervisor', 'operations', 30),
      powerOrNetworkLoss: cell('supervisor', 'it_admin', 15),
      priceOrSpecError: cell('supervisor', 'operations', 30),
      warehouseOrCourierFailure: cell('supervisor', 'warehouse_logistics', 60),
      brandIncident: cell('manager', 'brand_pr', 60),
    }),
    sudden: Object.freeze({
      platformOutage: cell('manager', 'operations', 60),
      powerOrNetworkLoss: cell('manager', 'it_admin', 30),
      priceOrSpecError: cell('manager', 'operations', 60),
      warehouseOrCourierFailure: cell('manager', 'warehouse_logistics', 120),
      brandIncident: cell('director', 'brand_pr', 120, ['legal']),
    }),
    publicOpinion: Object.freeze({
      platformOutage: publicCell('platformOutage'),
      powerOrNetworkLoss: publicCell('powerOrNetworkLoss'),
      priceOrSpecError: publicCell('priceOrSpecError'),
      warehouseOrCourierFailure: publicCell('warehouseOrCourierFailure'),
      brandIncident: publicCell('brandIncident'),
    }),
  }),
  firstActions: Object.freeze({}),
});

const CellInput = /* @__PURE__ */ z.strictObject({
  level: z.optional(Id),
  owner: z.optional(Id),
  /** 1 minute to 30 days. */
  solveWithinMinutes: z.optional(z.number().check(z.int(), z.gte(1), z.lte(43_200))),
  notify: z.optional(z.readonly(z.array(Id).check(z.maxLength(50)))),
});

const perClass = <S extends z.core.$ZodType>(schema: S) =>
  z.strictObject({
    platformOutage: z.optional(schema),
    powerOrNetworkLoss: z.optional(schema),
    priceOrSpecError: z.optional(schema),
    warehouseOrCourierFailure: z.optional(schema),
    brandIncident: z.optional(schema),
  });

const Actions = /* @__PURE__ */ z.readonly(
  z.array(z.strictObject({ zh: z.string().check(z.minLength(1), z.maxLength(500)), en: z.string().check(z.minLength(1), z.maxLength(500)) })).check(z.minLength(1), z.maxLength(20)),
);

/**
 * Changes to the default matrix: any field, any cell, any field of a cell. What is not given
 * stays as in {@link DEFAULT_ESCALATION_MATRIX}, so the result always covers every type and
 * class. A shop that renames its `levels` must give the cells whose level changes: every cell's
 * level is checked against them.
 *
 * @example
 * ```ts
 * const mine: EscalationMatrixInput = {
 *   levels: ['组长', '主管', '经理'],
 *   cells: { prepared: { platformOutage: { level: '组长' } } },
 * };
 * ```
 */
export const EscalationMatrixInput = /* @__PURE__ */ z.strictObject({
  /** The shop's IANA time zone (default `Asia/Shanghai`). */
  timeZone: z.optional(TimeZoneSchema),
  /** Management levels from the lowest to the highest, each once (default supervisor, manager, director). */
  levels: z.optional(z.readonly(z.array(Id).check(z.minLength(1), z.maxLength(20)))),
  /** Cells to change, by problem type then emergency class. */
  cells: z.optional(
    z.strictObject({
      prepared: z.optional(perClass(CellInput)),
      sudden: z.optional(perClass(CellInput)),
      publicOpinion: z.optional(perClass(CellInput)),
    }),
  ),
  /** The shop's own first actions per class. */
  firstActions: z.optional(perClass(Actions)),
});
/** @inheritDoc EscalationMatrixInput */
export type EscalationMatrixInput = z.input<typeof EscalationMatrixInput>;

/**
 * A problem reported by customer service (SLA-3). `situation`, when given, must be one of the
 * class's situations in {@link EMERGENCY_PLANS}.
 *
 * @example
 * ```ts
 * const problem: EscalationProblem = { problemId: 'P-7', type: 'sudden', class: 'warehouseOrCourierFailure', situation: 'massDelay', reportedAt: '2026-11-12T09:40:00+08:00' };
 * ```
 */
export const EscalationProblem = /* @__PURE__ */ z.strictObject({
  /** The problem's id, echoed in the answer. */
  problemId: z.optional(Id),
  /** SLA-3 type. */
  type: z.enum(PROBLEM_TYPES),
  /** SLA-4 class. */
  class: z.enum(EMERGENCY_CLASSES),
  /** A situation id of the class (`paymentCongestion`, `damaged`, …). */
  situation: z.optional(Id),
  /** When customer service reported it. */
  reportedAt: InstantSchema,
});
/** @inheritDoc EscalationProblem */
export type EscalationProblem = z.input<typeof EscalationProblem>;

/**
 * The answer of {@link escalate}.
 *
 * @example
 * ```ts
 * const e: Escalation = escalate({ type: 'prepared', class: 'powerOrNetworkLoss', reportedAt: '2026-11-11T00:05:00+08:00' });
 * e.solutionDueAt; // '2026-11-11T00:20:00+08:00'
 * ```
 */
export interface Escalation {
  readonly problemId: string | null;
  readonly type: ProblemType;
  readonly class: EmergencyClass;
  readonly situation: string | null;
  /** The level escalated to. */
  readonly level: string;
  /** Its place among the matrix's levels, 1 for the lowest. */
  readonly levelRank: number;
  readonly owner: string;
  readonly notify: readonly string[];
  /** The report, in the shop's zone. */
  readonly reportedAt: string;
  /** The instant by which a solution is due, in the shop's zone. */
  readonly solutionDueAt: string;
  readonly solutionDueEpochMs: number;
  readonly solveWithinMinutes: number;
  /** The situation's first actions, then the class's. */
  readonly firstActions: readonly Bilingual[];
  readonly rules: readonly ['SLA-3', 'SLA-4'];
  readonly message: string;
}

type MatrixChanges = z.output<typeof EscalationMatrixInput>;

const TYPE_LABEL: Readonly<Record<ProblemType, string>> = { prepared: 'covered by a prepared plan', sudden: 'sudden', publicOpinion: 'public opinion' };

/** The default matrix with `changes` laid over it; `prefix` names the matrix in issues. */
function merge(changes: MatrixChanges, prefix: string, issues: Issues): EscalationMatrix {
  const d = DEFAULT_ESCALATION_MATRIX;
  const levels = changes.levels ?? d.levels;
  checkUnique(levels, (l) => l, (i) => `${prefix}levels.${i}`, 'level', issues);
  const known = new Set(levels);
  const cells = {} as Record<ProblemType, Record<EmergencyClass, EscalationCell>>;
  for (const type of PROBLEM_TYPES) {
    const row = {} as Record<EmergencyClass, EscalationCell>;
    for (const cls of EMERGENCY_CLASSES) {
      const base = d.cells[type][cls];
      const given = changes.cells?.[type]?.[cls] ?? {};
      const merged: EscalationCell = {
        level: given.level ?? base.level,
        owner: given.owner ?? base.owner,
        solveWithinMinutes: given.solveWithinMinutes ?? base.solveWithinMinutes,
        notify: given.notify ?? base.notify,
      };
      if (!known.has(merged.level)) {
        const origin = given.level === undefined ? ` (the default cell's level; give this cell a level of yours)` : '';
        issues.add(`${prefix}cells.${type}.${cls}.level`, `expected one of the levels ${levels.map((l) => JSON.stringify(l)).join(', ')}, received ${JSON.stringify(merged.level)}${origin}`);
      }
      row[cls] = merged;
    }
    cells[type] = row;
  }
  const firstActions: { [C in EmergencyClass]?: readonly Bilingual[] } = {};
  for (const cls of EMERGENCY_CLASSES) {
    const actions = changes.firstActions?.[cls];
    if (actions !== undefined) firstActions[cls] = actions;
  }
  return { timeZone: changes.timeZone ?? d.timeZone, levels, cells, firstActions };
}

/**
 * The complete escalation matrix: {@link DEFAULT_ESCALATION_MATRIX} with the shop's changes
 * laid over it, checked (levels unique, every cell's level among them). Useful to show or
 * export the matrix a shop actually runs on.
 *
 * @example
 * ```ts
 * escalationMatrix({ cells: { sudden: { platformOutage: { solveWithinMinutes: 45 } } } }).cells.sudden.platformOutage;
 * // { level: 'manager', owner: 'operations', solveWithinMinutes: 45, notify: [] }
 * ```
 */
export function escalationMatrix(changes?: EscalationMatrixInput): EscalationMatrix {
  const issues = new Issues('escalationMatrix');
  const v = issues.parse(EscalationMatrixInput, changes === undefined ? {} : changes, '');
  const m = v === undefined ? undefined : merge(v, '', issues);
  issues.throwIfAny();
  return m as EscalationMatrix;
}

/**
 * SLA-3: where a reported problem goes. Its type and SLA-4 class pick a cell of the matrix (the
 * default or the shop's changes to it): the level to escalate to, the owner, who else is told,
 * and the instant by which a solution is due (`solveWithinMinutes` after the report). The answer
 * carries the prepared first actions of the class (SLA-4), led by those of the situation when one
 * is named. Total: every type and class has an answer, whatever the matrix changes.
 *
 * Throws `INVALID_INPUT` naming the field: `type`, `class`, `situation` (not one of the class's),
 * `reportedAt`, `matrix.cells.sudden.brandIncident.level` (not among the levels).
 *
 * @example
 * {@includeCode ../../examples/sla.example.ts#escalate}
 */
export function escalate(problem: EscalationProblem, matrix?: EscalationMatrixInput): Escalation {
  const issues = new Issues('escalate');
  const p = issues.parse(EscalationProblem, problem, '');
  const changes = issues.parse(EscalationMatrixInput, matrix === undefined ? {} : matrix, 'matrix');
  const m = changes === undefined ? undefined : merge(changes, 'matrix.', issues);
  const situations = p === undefined ? [] : EMERGENCY_PLANS[p.class].situations;
  const situation = p?.situation === undefined ? undefined : situations.find((s) => s.id === p.situation);
  if (p?.situation !== undefined && situation === undefined) {
    issues.add('situation', `expected one of ${situations.map((s) => JSON.stringify(s.id)).join(', ')} for class ${p.class}, received ${JSON.stringify(p.situation)}`);
  }
  issues.throwIfAny();
  const v = p as z.output<typeof EscalationProblem>;
  const matrixValue = m as EscalationMatrix;
  const chosen = matrixValue.cells[v.type][v.class];
  const clock = new ZoneClock(matrixValue.timeZone);
  const reported = toEpochMs(v.reportedAt);
  const due = reported + chosen.solveWithinMinutes * MINUTE_MS;
  const plan = EMERGENCY_PLANS[v.class];
  const firstActions = [...(situation?.firstActions ?? []), ...(matrixValue.firstActions[v.class] ?? plan.firstActions)];
  const what = situation === undefined ? plan.label.en : `${plan.label.en}: ${situation.label.en}`;
  return {
    problemId: v.problemId ?? null,
    type: v.type,
    class: v.class,
    situation: situation?.id ?? null,
    level: chosen.level,
    levelRank: matrixValue.levels.indexOf(chosen.level) + 1,
    owner: chosen.owner,
    notify: chosen.notify,
    reportedAt: clock.format(reported),
    solutionDueAt: clock.format(due),
    solutionDueEpochMs: due,
    solveWithinMinutes: chosen.solveWithinMinutes,
    firstActions,
    rules: ['SLA-3', 'SLA-4'],
    message:
      `${what} (${TYPE_LABEL[v.type]}), reported ${clock.label(reported)}: escalate to ${chosen.level}; ` +
      `${chosen.owner} owns the solution, due ${clock.label(due)} (within ${chosen.solveWithinMinutes} minutes; SLA-3).`,
  };
}

