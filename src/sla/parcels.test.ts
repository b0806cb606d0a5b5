import { describe, expect, it } from 'vitest';
import { expectInvalidAt, kefuErrorOf } from '../../test/kefu-error.ts';
import { parcelFollowUps, type Shipment } from './parcels.ts';

const NOW = '2026-11-12T09:00:00+08:00';
const ship = (shipmentId: string, shippedAt: string, more: Partial<Shipment> = {}): Shipment => ({ shipmentId, courier: 'ZTO', region: '新疆', shippedAt, ...more });

describe('parcelFollowUps (SLA-2)', () => {
  it('SLA-2: a parcel out more than 7 days and not delivered is followed up', () => {
    const result = parcelFollowUps(
      [
        ship('exactly7', '2026-11-05T09:00:00+08:00'),
        ship('over7', '2026-11-05T08:59:59.999+08:00', { orderId: 'T1' }),
        ship('delivered', '2026-11-01T10:00:00+08:00', { deliveredAt: '2026-11-11T10:00:00+08:00' }),
        ship('fresh', '2026-11-11T10:00:00+08:00'),
      ],
      NOW,
    );
    expect(result.followUps).toEqual([
      {
        shipmentId: 'over7',
        orderId: 'T1',
        courier: 'ZTO',
        region: '新疆',
        shippedAt: '2026-11-05T08:59:59.999+08:00',
        overdueSince: '2026-11-12T08:59:59.999+08:00',
        daysOut: 7,
        lastFollowUpAt: null,
        followedUpToday: false,
        rule: 'SLA-2',
        message: 'ZTO parcel over7 to 新疆 shipped 2026-11-05 08:59, 7 days out and not delivered: chase ZTO and record the answer (SLA-2).',
      },
    ]);
    expect(result.counts).toEqual({ shipments: 4, delivered: 1, inTransit: 3, followUps: 1, pending: 1 });
    expect(result.asOf).toBe(NOW);
    expect(parcelFollowUps([ship('p', '2026-11-10T00:00:00+08:00')], NOW, { followUpDays: 1 }).followUps.map((f) => f.daysOut)).toEqual([2]);
  });

  it('SLA-2: follow-ups are grouped by region and courier, with what is already chased today', () => {
    const result = parcelFollowUps(
      [
        ship('a', '2026-11-01T10:00:00+08:00'),
        ship('b', '2026-10-30T10:00:00+08:00', { lastFollowUpAt: '2026-11-12T08:30:00+08:00' }),
        ship('c', '2026-11-02T10:00:00+08:00', { courier: 'SF' }),
        ship('d', '2026-11-03T10:00:00+08:00', { region: '西藏', lastFollowUpAt: '2026-11-11T23:59:00+08:00' }),
      ],
      NOW,
    );
    expect(result.followUps.map((f) => [f.shipmentId, f.followedUpToday])).toEqual([
      ['b', true],
      ['a', false],
      ['c', false],
      ['d', false],
    ]);
    expect(result.groups).toEqual([
      { region: '新疆', courier: 'SF', count: 1, pending: 1, shipmentIds: ['c'], oldestShippedAt: '2026-11-02T10:00:00+08:00' },
      { region: '新疆', courier: 'ZTO', count: 2, pending: 1, shipmentIds: ['b', 'a'], oldestShippedAt: '2026-10-30T10:00:00+08:00' },
      { region: '西藏', courier: 'ZTO', count: 1, pending: 1, shipmentIds: ['d'], oldestShippedAt: '2026-11-03T10:00:00+08:00' },
    ]);
    expect(result.counts.pending).toBe(3);
    expect(result.followUps[0]?.message).toBe('ZTO parcel b to 新疆 shipped 2026-10-30 10:00, 13 days out and not delivered: followed up today (SLA-2).');
  });

  it('SLA-2: slow regions of the period, and the courier to suggest there', () => {
    const tibet = [
      ship('t1', '2026-11-01T10:00:00+08:00', { region: '西藏', courier: 'ZTO', deliveredAt: '2026-11-09T12:00:00+08:00' }), // 8 days: late
      ship('t2', '2026-11-02T10:00:00+08:00', { region: '西藏', courier: 'ZTO' }), // out 10 days: late
      ship('t3', '2026-11-02T10:00:00+08:00', { region: '西藏', courier: 'SF', deliveredAt: '2026-11-05T10:00:00+08:00' }),
      ship('t4', '2026-11-03T10:00:00+08:00', { region: '西藏', courier: 'SF', deliveredAt: '2026-11-06T16:00:00+08:00' }),
      ship('t5', '2026-11-04T10:00:00+08:00', { region: '西藏', courier: 'SF', deliveredAt: '2026-11-07T10:00:00+08:00' }),
    ];
    const zhejiang = Array.from({ length: 5 }, (_, i) => ship(`z${i}`, '2026-11-08T10:00:00+08:00', { region: '浙江', courier: 'YTO', deliveredAt: '2026-11-09T22:00:00+08:00' }));
    const shanghai = [ship('s1', '2026-11-01T10:00:00+08:00', { region: '上海' }), ship('s2', '2026-11-08T10:00:00+08:00', { region: '上海' })];
    const result = parcelFollowUps([...tibet, ...zhejiang, ...shanghai], NOW);
    expect(result.slowRegions).toEqual(['西藏']);
    const byName = Object.fromEntries(result.regions.map((r) => [r.region, r]));
    expect(result.regions.map((r) => r.region)).toEqual(['上海', '浙江', '西藏']);
    expect(byName['西藏']).toMatchObject({ shipments: 5, delivered: 4, late: 2, lateShare: 0.4, medianTransitHours: 75, slow: true, suggestedCourier: null });
    expect(byName['上海']).toMatchObject({ shipments: 2, late: 1, slow: false, medianTransitHours: null }); // too few parcels to judge
    expect(byName['浙江']).toMatchObject({ late: 0, slow: false, medianTransitHours: 36, suggestedCourier: 'YTO' });
    // With two parcels enough to judge a courier, SF is suggested in Tibet.
    const judged = parcelFollowUps(tibet, NOW, { slowRegion: { minShipments: 2 } });
    expect(judged.regions[0]?.suggestedCourier).toBe('SF');
    expect(judged.regions[0]?.couriers).toEqual([
      { courier: 'SF', shipments: 3, delivered: 3, late: 0, lateShare: 0, medianTransitHours: 72, judged: true },
      { courier: 'ZTO', shipments: 2, delivered: 1, late: 2, lateShare: 1, medianTransitHours: 194, judged: true },
    ]);
  });

  it('SLA-2: the late-share threshold is compared exactly (3 of 30 is 0.1)', () => {
    const parcels = Array.from({ length: 30 }, (_, i) =>
      ship(`p${i}`, '2026-11-01T10:00:00+08:00', i < 3 ? {} : { deliveredAt: '2026-11-03T10:00:00+08:00' }),
    );
    expect(parcelFollowUps(parcels, NOW).slowRegions).toEqual(['新疆']);
    expect(parcelFollowUps(parcels, NOW, { slowRegion: { lateShare: 0.11 } }).slowRegions).toEqual([]);
  });

  it('SLA-2: DST: 7 local days, not 168 hours (New York)', () => {
    const ny = { timeZone: 'America/New_York' };
    const parcels = [ship('ny1', '2026-03-03T10:00:00-05:00', { region: 'NY' })];
    // 167.5 hours after shipping, but past 10:00 on the 7th day after: followed up.
    const result = parcelFollowUps(parcels, '2026-03-10T10:30:00-04:00', ny);
    expect(result.followUps.map((f) => [f.overdueSince, f.daysOut])).toEqual([['2026-03-10T10:00:00-04:00', 7]]);
    expect(parcelFollowUps(parcels, '2026-03-10T09:30:00-04:00', ny).followUps).toEqual([]);
  });

  it('rejects hostile shipments, naming the field', () => {
    const ok = ship('a', '2026-11-01T10:00:00+08:00');
    expectInvalidAt(() => parcelFollowUps('none' as never, NOW), 'shipments');
    expectInvalidAt(() => parcelFollowUps([ok], 'today'), 'now');
    expectInvalidAt(() => parcelFollowUps([ok], Number.NaN), 'now');
    expectInvalidAt(() => parcelFollowUps([ok, { ...ok, shipmentId: 'b', shippedAt: '2026-11-12T09:00:01+08:00' }], NOW), 'shipments.1.shippedAt');
    expectInvalidAt(() => parcelFollowUps([{ ...ok, deliveredAt: '2026-10-31T10:00:00+08:00' }], NOW), 'shipments.0.deliveredAt');
    expectInvalidAt(() => parcelFollowUps([{ ...ok, deliveredAt: '2026-11-13T10:00:00+08:00' }], NOW), 'shipments.0.deliveredAt');
    expectInvalidAt(() => parcelFollowUps([{ ...ok, lastFollowUpAt: '2026-11-13T10:00:00+08:00' }], NOW), 'shipments.0.lastFollowUpAt');
    expectInvalidAt(() => parcelFollowUps([ok, ok], NOW), 'shipments.1.shipmentId');
    expectInvalidAt(() => parcelFollowUps([{ ...ok, courier: '' }], NOW), 'shipments.0.courier');
    expectInvalidAt(() => parcelFollowUps([{ ...ok, region: 'x'.repeat(201) }], NOW), 'shipments.0.region');
    expectInvalidAt(() => parcelFollowUps([{ ...ok, region: 42 } as never], NOW), 'shipments.0.region');
    expectInvalidAt(() => parcelFollowUps([{ ...ok, shippedAt: '2026-11-01T10:00:00' }], NOW), 'shipments.0.shippedAt');
    expectInvalidAt(() => parcelFollowUps([{ ...ok, status: 'lost' } as never], NOW), 'shipments.0.status');
    expectInvalidAt(() => parcelFollowUps([ok], NOW, { followUpDays: 0 }), 'policy.followUpDays');
    expectInvalidAt(() => parcelFollowUps([ok], NOW, { followUpDays: 7.5 }), 'policy.followUpDays');
    expectInvalidAt(() => parcelFollowUps([ok], NOW, { slowRegion: { lateShare: 0 } }), 'policy.slowRegion.lateShare');
    expectInvalidAt(() => parcelFollowUps([ok], NOW, { slowRegion: { lateShare: 1.5 } }), 'policy.slowRegion.lateShare');
    expectInvalidAt(() => parcelFollowUps([ok], NOW, { slowRegion: { minShipments: -1 } }), 'policy.slowRegion.minShipments');
    expectInvalidAt(() => parcelFollowUps([ok], NOW, { timeZone: 'China' }), 'policy.timeZone');
    expect(kefuErrorOf(() => parcelFollowUps([{ ...ok, courier: '' }], NOW, { followUpDays: 0 })).issues.map((i) => i.path)).toEqual([
      'shipments.0.courier',
      'policy.followUpDays',
    ]);
  });

  it('handles no shipments, and odd Unicode names as data', () => {
    expect(parcelFollowUps([], NOW)).toEqual({
      asOf: NOW,
      followUps: [],
      groups: [],
      regions: [],
      slowRegions: [],
      counts: { shipments: 0, delivered: 0, inTransit: 0, followUps: 0, pending: 0 },
      rule: 'SLA-2',
    });
    const odd = parcelFollowUps([ship('a', '2026-11-01T10:00:00+08:00', { region: '新疆\u200b', courier: '🚚' })], NOW);
    expect(odd.groups[0]).toMatchObject({ region: '新疆\u200b', courier: '🚚' });
  });
});
