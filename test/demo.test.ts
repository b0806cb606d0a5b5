// The `npm start` demo prints a whole event day and the answers a manager asks for.
import { describe, expect, it } from 'vitest';
import { headcountDemo } from '../src/cli/demo.ts';

describe('kefu demo (npm start)', () => {
  const lines = headcountDemo();
  it('prints 24 hourly rows from 00:00 to 23:00', () => {
    const rows = lines.filter((line) => /^\d\d:00 /.test(line));
    expect(rows).toHaveLength(24);
    expect(rows[0]).toMatch(/^00:00/);
    expect(rows[23]).toMatch(/^23:00/);
  });
  it('states the funnel, the peak and the hiring gap', () => {
    const text = lines.join('\n');
    expect(text).toContain('10,000 buyers');
    expect(text).toContain('Peak 峰值');
    expect(text).toMatch(/gap \d+ to hire/);
  });
});
