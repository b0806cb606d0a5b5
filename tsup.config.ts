import { defineConfig } from 'tsup';

// One entry per public door: the root and each domain. Keep in step with package.json `exports`.
const entry = {
  index: 'src/index.ts',
  headcount: 'src/headcount/index.ts',
  roster: 'src/roster/index.ts',
  chase: 'src/chase/index.ts',
  sla: 'src/sla/index.ts',
  calendar: 'src/calendar/index.ts',
  refunds: 'src/refunds/index.ts',
  kpi: 'src/kpi/index.ts',
};

export default defineConfig([
  {
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    platform: 'neutral',
    target: 'es2022',
    splitting: true,
    treeshake: true,
    sourcemap: false,
  },
  {
    // Apps Script and other script-tag hosts: one file, global `Kefu`, ES2019, everything inlined.
    entry: { 'kefu.iife': 'src/iife.ts' },
    format: ['iife'],
    globalName: 'Kefu',
    platform: 'browser',
    target: 'es2019',
    minify: true,
    noExternal: [/.*/],
    dts: false,
    clean: false,
    outExtension: () => ({ js: '.js' }),
  },
]);
