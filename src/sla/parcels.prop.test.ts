// SLA-2 invariants: the follow-ups are exactly the undelivered parcels past 7 local days (checked
// against core/time), whatever the input order; a parcel once due stays due as now advances; the
// groups and the region records account for every parcel.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { addDays, formatInstant, localDate, toEpochMs, zonedInstant } from '../core/time.ts';
import { parcelFollowUps, type ParcelPolicy, type Shipment } from './parcels.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 2, 12, 15); // a few days after New York's spring change, a few weeks before Berlin's

const shipment = (i: number): fc.Arbitrary<Shipment> =>
  fc
    .record({
      courier: fc.constantFrom('ZTO', 'SF', '韵达'),
      region: fc.constantFrom('新疆', '西藏', '浙江'),
      age: fc.integer({ min: 0, max: 20 * DAY }),
      transit: fc.option(fc.integer({ min: 0, max: 14 * DAY }), { nil: undefined }),
      chased: fc.option(fc.integer({ min: 0, max: 3 * DAY }), { nil: undefined }),
    })
    .map(({ courier, region, age, transit, chased }) => {
      const shippedAt = NOW - age;
      const s: Shipment = { shipmentId: `s${i}`, courier, region, shippedAt };
      const out = transit !== undefined && shippedAt + transit <= NOW ? { ...s, deliveredAt: shippedAt + transit } : s;
      return chased !== undefined && chased <= age ? { ...out, lastFollowUpAt: NOW - chased } : out;
    });
const shipments = fc.integer({ min: 0, max: 25 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => shipment(i))));
const policy: fc.Arbitrary<ParcelPolicy> = fc.record({
  timeZone: fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Europe/Berlin'),
  followUpDays: fc.integer({ min: 1, max: 10 }),
  slowRegion: fc.record({ minShipments: fc.integer({ min: 1, max: 6 }), lateShare: fc.constantFrom(0.1, 0.2, 0.3, 1 / 3, 0.5, 1) }),
});

/** When a parcel becomes due, from core/time: the same wall-clock time `days` local days later. */
function overdueSince(ms: number, days: number, tz: string): number {
  const subMinute = ms % 60_000;
  return zonedInstant(addDays(localDate(ms, tz), days), formatInstant(ms - subMinute, tz).slice(11, 16), tz) + subMinute;
}

describe('SLA-2 properties', () => {
  test.prop([shipments, policy], { numRuns: 150 })('SLA-2: the follow-ups are exactly the undelivered parcels more than N local days out', (list, p) => {
    const r = parcelFollowUps(list, NOW, p);
    const tz = p.timeZone as string;
    const days = p.followUpDays as number;
    const expected = list.filter((s) => s.deliveredAt === undefined && NOW > overdueSince(toEpochMs(s.shippedAt), days, tz)).map((s) => s.shipmentId);
    expect([...r.followUps.map((f) => f.shipmentId)].sort()).toEqual([...expected].sort());
    for (const f of r.followUps) expect(f.daysOut).toBeGreaterThanOrEqual(days);
    for (let i = 1; i < r.followUps.length; i++) {
      expect(toEpochMs(r.followUps[i - 1]?.shippedAt as string)).toBeLessThanOrEqual(toEpochMs(r.followUps[i]?.shippedAt as string));
    }
  });

  test.prop([shipments, policy], { numRuns: 100 })('the answer does not depend on the order of the shipments', (list, p) => {
    expect(parcelFollowUps([...list].reverse(), NOW, p)).toEqual(parcelFollowUps(list, NOW, p));
  });

  test.prop([shipments, policy, fc.integer({ min: 0, max: 5 * DAY })], { numRuns: 100 })('SLA-2: a parcel due now is still due later', (list, p, later) => {
    const before = new Set(parcelFollowUps(list, NOW, p).followUps.map((f) => f.shipmentId));
    const after = new Set(parcelFollowUps(list, NOW + later, p).followUps.map((f) => f.shipmentId));
    for (const id of before) expect(after.has(id)).toBe(true);
  });

  test.prop([shipments, policy], { numRuns: 100 })('groups and region records account for every parcel', (list, p) => {
    const r = parcelFollowUps(list, NOW, p);
    expect(r.counts.delivered + r.counts.inTransit).toBe(list.length);
    expect(r.groups.reduce((n, g) => n + g.count, 0)).toBe(r.followUps.length);
    expect(r.groups.flatMap((g) => g.shipmentIds).sort()).toEqual(r.followUps.map((f) => f.shipmentId).sort());
    expect(r.groups.reduce((n, g) => n + g.pending, 0)).toBe(r.counts.pending);
    expect(r.regions.reduce((n, g) => n + g.shipments, 0)).toBe(list.length);
    for (const region of r.regions) {
      expect(region.couriers.reduce((n, c) => n + c.shipments, 0)).toBe(region.shipments);
      expect(region.couriers.reduce((n, c) => n + c.late, 0)).toBe(region.late);
      expect(region.late).toBeGreaterThanOrEqual(r.followUps.filter((f) => f.region === region.region).length);
      expect(region.slow).toBe(region.shipments >= (p.slowRegion?.minShipments as number) && region.late >= (p.slowRegion?.lateShare as number) * region.shipments - 1e-9);
    }
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });
});
