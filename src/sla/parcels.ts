import * as z from 'zod/mini';
import { compare, mul, rational } from '../core/exact.ts';
import { DEFAULT_TIME_ZONE, InstantSchema, TimeZoneSchema, toEpochMs } from '../core/time.ts';
import { HOUR_MS, ZoneClock } from '../core/zone-clock.ts';
import { checkUnique, Id, Issues } from './parse.ts';

/**
 * A parcel as the shop's order system exports it. Instants are facts, so none may lie after
 * `now`; `deliveredAt` and `lastFollowUpAt` may not lie before `shippedAt`.
 *
 * @example
 * ```ts
 * const parcel: Shipment = { shipmentId: 'ZT7731', orderId: 'T1001', courier: '中通', region: '新疆', shippedAt: '2026-11-12T16:00:00+08:00' };
 * ```
 */
export const Shipment = /* @__PURE__ */ z.strictObject({
  /** Unique id, usually the tracking number. */
  shipmentId: Id,
  /** The order it belongs to. */
  orderId: z.optional(Id),
  /** The courier, as the shop names it (`中通`, `SF`): grouping uses the exact text. */
  courier: Id,
  /** The delivery region as the shop groups it (a province, a city): grouping uses the exact text. */
  region: Id,
  /** When it was handed to the courier. */
  shippedAt: InstantSchema,
  /** When it was delivered (signed for); absent while it is on the way. */
  deliveredAt: z.optional(InstantSchema),
  /** When the shop last chased the courier about it (SLA-2 asks for a record of each chase). */
  lastFollowUpAt: z.optional(InstantSchema),
});
/** @inheritDoc Shipment */
export type Shipment = z.input<typeof Shipment>;

/**
 * The shop's SLA-2 policy. Defaults:
 *
 * | field | default | source |
 * |---|---|---|
 * | `timeZone` | `Asia/Shanghai` | the shop's clock |
 * | `followUpDays` | `7` | SLA-2: parcels out more than 7 days |
 * | `slowRegion.minShipments` | `5` | kefu's choice: fewer parcels say little about a region |
 * | `slowRegion.lateShare` | `0.1` | kefu's choice: one parcel in ten beyond the SLA-2 limit |
 *
 * @example
 * ```ts
 * const policy: ParcelPolicy = { followUpDays: 5, slowRegion: { minShipments: 10, lateShare: 0.2 } };
 * ```
 */
export const ParcelPolicy = /* @__PURE__ */ z.strictObject({
  /** The shop's IANA time zone (default `Asia/Shanghai`). */
  timeZone: z._default(TimeZoneSchema, DEFAULT_TIME_ZONE),
  /** A parcel not delivered this many local days after shipping is followed up (default 7, SLA-2). */
  followUpDays: z._default(z.number().check(z.int(), z.gte(1), z.lte(90)), 7),
  /** When a region counts as slow, and when a courier's record in a region counts at all. */
  slowRegion: z._default(
    z.strictObject({
      /** Least parcels of a region (or of a courier in a region) to judge it (default 5). */
      minShipments: z._default(z.number().check(z.int(), z.gte(1), z.lte(1_000_000)), 5),
      /** Share of late parcels from which a region is slow, 0 < share ≤ 1 (default 0.1). */
      lateShare: z._default(z.number().check(z.gt(0), z.lte(1)), 0.1),
    }),
    () => ({ minShipments: 5, lateShare: 0.1 }),
  ),
});
/** @inheritDoc ParcelPolicy */
export type ParcelPolicy = z.input<typeof ParcelPolicy>;

const Input = /* @__PURE__ */ z.strictObject({
  shipments: z.readonly(z.array(Shipment).check(z.maxLength(1_000_000))),
  now: InstantSchema,
});

/**
 * One parcel to chase with its courier today (SLA-2).
 *
 * @example
 * ```ts
 * const f: ParcelFollowUp = parcelFollowUps([{ shipmentId: 'A1', courier: 'ZTO', region: '新疆', shippedAt: '2026-11-01T10:00:00+08:00' }], '2026-11-12T09:00:00+08:00').followUps[0]!;
 * f.daysOut; // 11
 * ```
 */
export interface ParcelFollowUp {
  readonly shipmentId: string;
  /** The order, or null when none was given. */
  readonly orderId: string | null;
  readonly courier: string;
  readonly region: string;
  /** When it shipped, in the shop's zone. */
  readonly shippedAt: string;
  /** The instant from which it counts as overdue: `followUpDays` local days after shipping. */
  readonly overdueSince: string;
  /** Local calendar days from the shipping date to today's date. */
  readonly daysOut: number;
  /** The last chase of the courier, or null. */
  readonly lastFollowUpAt: string | null;
  /** Whether that chase was on today's local date: today's follow-up is done. */
  readonly followedUpToday: boolean;
  readonly rule: 'SLA-2';
  readonly message: string;
}

/**
 * The follow-ups of one region with one courier: one call to the courier's branch covers them.
 *
 * @example
 * ```ts
 * const g: ParcelFollowUpGroup = { region: '新疆', courier: 'ZTO', count: 2, pending: 1, shipmentIds: ['A1', 'A7'], oldestShippedAt: '2026-11-01T10:00:00+08:00' };
 * ```
 */
export interface ParcelFollowUpGroup {
  readonly region: string;
  readonly courier: string;
  /** Parcels to follow up. */
  readonly count: number;
  /** Of those, parcels not yet followed up today. */
  readonly pending: number;
  /** Their ids, oldest shipment first. */
  readonly shipmentIds: readonly string[];
  readonly oldestShippedAt: string;
}

/**
 * How one courier did in one region over the shipments given.
 *
 * @example
 * ```ts
 * const c: CourierRecord = { courier: 'SF', shipments: 12, delivered: 12, late: 0, lateShare: 0, medianTransitHours: 52.5, judged: true };
 * ```
 */
export interface CourierRecord {
  readonly courier: string;
  readonly shipments: number;
  readonly delivered: number;
  /** Parcels delivered after `followUpDays`, or still out beyond it. */
  readonly late: number;
  /** `late / shipments`. */
  readonly lateShare: number;
  /** Median hours from shipping to delivery over the delivered parcels (one decimal), or null when none was delivered. */
  readonly medianTransitHours: number | null;
  /** Whether it has `minShipments` parcels, enough to judge or to recommend it. */
  readonly judged: boolean;
}

/**
 * One region's record over the shipments given, with its couriers, best first.
 *
 * @example
 * ```ts
 * const r: RegionRecord = {
 *   region: '新疆', shipments: 20, delivered: 15, late: 6, lateShare: 0.3, medianTransitHours: 160, slow: true,
 *   suggestedCourier: 'SF', couriers: [],
 * };
 * ```
 */
export interface RegionRecord {
  readonly region: string;
  readonly shipments: number;
  readonly delivered: number;
  readonly late: number;
  readonly lateShare: number;
  readonly medianTransitHours: number | null;
  /** At least `minShipments` parcels and a late share of at least `lateShare`. */
  readonly slow: boolean;
  /** The judged courier with the smallest late share (then the shortest median transit, then the most parcels, then the name), or null. */
  readonly suggestedCourier: string | null;
  /** Every courier seen in the region, in the order of `suggestedCourier`'s ranking (unjudged ones last). */
  readonly couriers: readonly CourierRecord[];
}

/**
 * The answer of {@link parcelFollowUps}.
 *
 * @example
 * ```ts
 * const r: ParcelFollowUps = parcelFollowUps([], '2026-11-12T09:00:00+08:00');
 * r.followUps; // []
 * ```
 */
export interface ParcelFollowUps {
  /** `now` in the shop's zone. */
  readonly asOf: string;
  /** Parcels to follow up, oldest shipment first (ties by id). */
  readonly followUps: readonly ParcelFollowUp[];
  /** The follow-ups by region then courier (sorted by text). */
  readonly groups: readonly ParcelFollowUpGroup[];
  /** Every region, sorted by text. */
  readonly regions: readonly RegionRecord[];
  /** The slow regions' names, slowest first (late share, then name). */
  readonly slowRegions: readonly string[];
  readonly counts: {
    readonly shipments: number;
    readonly delivered: number;
    readonly inTransit: number;
    readonly followUps: number;
    /** Follow-ups not yet chased today. */
    readonly pending: number;
  };
  readonly rule: 'SLA-2';
}

type Parsed = z.output<typeof Shipment>;

interface Tally {
  shipments: number;
  delivered: number;
  late: number;
  transit: number[];
}

const newTally = (): Tally => ({ shipments: 0, delivered: 0, late: 0, transit: [] });

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  const m = values.length % 2 === 1 ? (values[mid] as number) : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
  return Math.round(m * 10) / 10;
}

/** `late / shipments >= share`, exactly: `share` is read as the decimal it prints as (0.1 is 1/10). */
function atLeastShare(late: number, shipments: number, share: number): boolean {
  return compare(rational(late), mul(rational(share), rational(shipments))) >= 0;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * SLA-2: the parcels to chase with their couriers, grouped by region and courier, and the regions
 * that were slow over the shipments given (so agents can advise buyers which courier to choose).
 *
 * A parcel is followed up when it is not delivered and more than `followUpDays` (7) local days
 * have passed since it shipped: `now` is after the same wall-clock time 7 days later (DST-correct:
 * across a change that is 167 or 169 hours). A parcel is *late* when it was delivered after that
 * instant, or is still out past it. A region is slow when it has at least
 * `slowRegion.minShipments` parcels and a late share of at least `slowRegion.lateShare`; within a
 * region, couriers with at least `minShipments` parcels are ranked and the best is suggested.
 * Regions and couriers are grouped by their exact text: normalise names before the call.
 *
 * Throws `INVALID_INPUT` naming the field: `shipments.3.deliveredAt` before its `shippedAt`, any
 * instant after `now`, a repeated `shipmentId`, a bad `policy.followUpDays`.
 *
 * @example
 * {@includeCode ../../examples/sla.example.ts#parcels}
 */
export function parcelFollowUps(shipments: readonly Shipment[], now: string | number, policy?: ParcelPolicy): ParcelFollowUps {
  const issues = new Issues('parcelFollowUps');
  const v = issues.parse(Input, { shipments, now }, '');
  const p = issues.parse(ParcelPolicy, policy === undefined ? {} : policy, 'policy');
  const shipped: number[] = [];
  const delivered: Array<number | undefined> = [];
  const chased: Array<number | undefined> = [];
  let nowMs = 0;
  if (v !== undefined) {
    nowMs = toEpochMs(v.now);
    v.shipments.forEach((s, i) => {
      const at = toEpochMs(s.shippedAt);
      const done = s.deliveredAt === undefined ? undefined : toEpochMs(s.deliveredAt);
      const last = s.lastFollowUpAt === undefined ? undefined : toEpochMs(s.lastFollowUpAt);
      if (at > nowMs) issues.add(`shipments.${i}.shippedAt`, 'expected an instant at or before now (a parcel cannot ship after now)');
      for (const [field, value] of [
        ['deliveredAt', done],
        ['lastFollowUpAt', last],
      ] as const) {
        if (value === undefined) continue;
        if (value < at) issues.add(`shipments.${i}.${field}`, 'expected an instant at or after shippedAt');
        else if (value > nowMs) issues.add(`shipments.${i}.${field}`, 'expected an instant at or before now');
      }
      shipped.push(at);
      delivered.push(done);
      chased.push(last);
    });
    checkUnique(v.shipments, (s) => s.shipmentId, (i) => `shipments.${i}.shipmentId`, 'shipmentId', issues);
  }
  issues.throwIfAny();
  const list = (v as z.output<typeof Input>).shipments;
  const policyValue = p as z.output<typeof ParcelPolicy>;
  return followUps(list, shipped, delivered, chased, nowMs, policyValue);
}

function followUps(
  list: readonly Parsed[],
  shipped: readonly number[],
  delivered: ReadonlyArray<number | undefined>,
  chased: ReadonlyArray<number | undefined>,
  now: number,
  p: z.output<typeof ParcelPolicy>,
): ParcelFollowUps {
  const clock = new ZoneClock(p.timeZone);
  const today = clock.localDay(now);
  const due: number[] = [];
  const overdueAt: number[] = [];
  const regions = new Map<string, { tally: Tally; couriers: Map<string, Tally> }>();
  let deliveredCount = 0;
  list.forEach((s, i) => {
    const at = shipped[i] as number;
    const done = delivered[i];
    const overdueSince = clock.addLocalDays(at, p.followUpDays);
    overdueAt.push(overdueSince);
    const late = done === undefined ? now > overdueSince : done > overdueSince;
    if (done === undefined && late) due.push(i);
    if (done !== undefined) deliveredCount++;
    let region = regions.get(s.region);
    if (region === undefined) {
      region = { tally: newTally(), couriers: new Map() };
      regions.set(s.region, region);
    }
    let courier = region.couriers.get(s.courier);
    if (courier === undefined) {
      courier = newTally();
      region.couriers.set(s.courier, courier);
    }
    for (const t of [region.tally, courier]) {
      t.shipments++;
      if (late) t.late++;
      if (done !== undefined) {
        t.delivered++;
        t.transit.push((done - at) / HOUR_MS);
      }
    }
  });

  due.sort((a, b) => (shipped[a] as number) - (shipped[b] as number) || byText((list[a] as Parsed).shipmentId, (list[b] as Parsed).shipmentId));
  const items: ParcelFollowUp[] = due.map((i) => {
    const s = list[i] as Parsed;
    const at = shipped[i] as number;
    const last = chased[i];
    const daysOut = today - clock.localDay(at);
    const followedUpToday = last !== undefined && clock.localDay(last) === today;
    return {
      shipmentId: s.shipmentId,
      orderId: s.orderId ?? null,
      courier: s.courier,
      region: s.region,
      shippedAt: clock.format(at),
      overdueSince: clock.format(overdueAt[i] as number),
      daysOut,
      lastFollowUpAt: last === undefined ? null : clock.format(last),
      followedUpToday,
      rule: 'SLA-2',
      message:
        `${s.courier} parcel ${s.shipmentId} to ${s.region} shipped ${clock.label(at)}, ${daysOut === 1 ? '1 day' : `${daysOut} days`} out and not delivered: ` +
        (followedUpToday ? 'followed up today (SLA-2).' : `chase ${s.courier} and record the answer (SLA-2).`),
    };
  });

  const groupMap = new Map<string, ParcelFollowUp[]>();
  for (const f of items) {
    const key = JSON.stringify([f.region, f.courier]);
    const group = groupMap.get(key);
    if (group === undefined) groupMap.set(key, [f]);
    else group.push(f);
  }
  const groups: ParcelFollowUpGroup[] = [...groupMap.values()]
    .map((fs) => {
      const first = fs[0] as ParcelFollowUp;
      return {
        region: first.region,
        courier: first.courier,
        count: fs.length,
        pending: fs.filter((f) => !f.followedUpToday).length,
        shipmentIds: fs.map((f) => f.shipmentId),
        oldestShippedAt: first.shippedAt,
      };
    })
    .sort((a, b) => byText(a.region, b.region) || byText(a.courier, b.courier));

  const { minShipments, lateShare } = p.slowRegion;
  const record = (t: Tally) => ({
    shipments: t.shipments,
    delivered: t.delivered,
    late: t.late,
    lateShare: t.late / t.shipments,
    medianTransitHours: median(t.transit),
  });
  const regionRecords: RegionRecord[] = [...regions.entries()]
    .sort(([a], [b]) => byText(a, b))
    .map(([name, r]) => {
      const couriers: CourierRecord[] = [...r.couriers.entries()]
        .map(([courier, t]) => ({ courier, ...record(t), judged: t.shipments >= minShipments }))
        .sort(
          (a, b) =>
            Number(b.judged) - Number(a.judged) ||
            a.late * b.shipments - b.late * a.shipments ||
            (a.medianTransitHours ?? Number.POSITIVE_INFINITY) - (b.medianTransitHours ?? Number.POSITIVE_INFINITY) ||
            b.shipments - a.shipments ||
            byText(a.courier, b.courier),
        );
      const best = couriers[0];
      return {
        region: name,
        ...record(r.tally),
        slow: r.tally.shipments >= minShipments && atLeastShare(r.tally.late, r.tally.shipments, lateShare),
        suggestedCourier: best !== undefined && best.judged ? best.courier : null,
        couriers,
      };
    });
  const slowRegions = regionRecords
    .filter((r) => r.slow)
    .sort((a, b) => b.late * a.shipments - a.late * b.shipments || byText(a.region, b.region))
    .map((r) => r.region);

  return {
    asOf: clock.format(now),
    followUps: items,
    groups,
    regions: regionRecords,
    slowRegions,
    counts: {
      shipments: list.length,
      delivered: deliveredCount,
      inTransit: list.length - deliveredCount,
      followUps: items.length,
      pending: items.filter((f) => !f.followedUpToday).length,
    },
    rule: 'SLA-2',
  };
}
