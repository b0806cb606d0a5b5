/**
 * The shape of a Double 11 event day, as percent of the day's receptions in each local hour
 * (00:00-01:00 first). It follows what the seed articles describe, not measured data: the event
 * opens at 00:00 and the first hour is the busiest of the day (RO-1), the night falls away to
 * a trough before dawn, the day runs level, and the evening climbs to a second peak at
 * 20:00-22:00 with a last rush before the day closes. The values sum to exactly 100. Replace it
 * with your own shop's hourly shares from last year's event (HC-5) when you have them.
 *
 * @example
 * ```ts
 * planStaffing({ date: '2026-11-11', intervalMinutes: 60, volumes: { total: 16_000, profile: DOUBLE_11_EVENT_DAY_PROFILE }, ahtSeconds: 240, serviceLevel: { target: 0.8, answerSeconds: 30 } });
 * ```
 */
export const DOUBLE_11_EVENT_DAY_PROFILE: readonly number[] = /* @__PURE__ */ Object.freeze([
  14.0, 6.0, 2.5, 1.2, 0.7, 0.5, 0.6, 1.0, 2.0, 3.2, 4.0, 4.2, 3.8, 4.0, 4.2, 4.2, 4.0, 3.8, 4.0, 4.8, 7.0, 7.5, 5.8, 7.0,
]);
