import { appendFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';
import { appsScriptFooter } from './src/sheets/spec.ts';

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

/**
 * Google Sheets (`dist/kefu.gs.js`): like the script-tag bundle (global `Kefu`, ES2019, everything
 * inlined), followed by the custom functions: Apps Script only offers functions declared at the top
 * level of a script file, so the footer declares one per spreadsheet function, generated from
 * src/sheets/spec.ts. A function of the output folder so that test/sheets-bundle.test.ts can build
 * it on its own.
 */
export function gsBundle(outDir = 'dist'): Options {
  return {
    entry: { 'kefu.gs': 'src/gs.ts' },
    outDir,
    format: ['iife'],
    globalName: 'Kefu',
    platform: 'browser',
    target: 'es2019',
    // Terser with two compress passes: about 4 kB gzip smaller than esbuild's minifier on this
    // bundle, which keeps every custom function inside the 90 kB budget.
    minify: 'terser',
    terserOptions: { ecma: 2019, compress: { passes: 2 } },
    noExternal: [/.*/],
    dts: false,
    clean: false,
    outExtension: () => ({ js: '.js' }),
    // Chinese text (the refund lexicon) as UTF-8, not \uXXXX escapes: 10% smaller, 0.6 kB less gzip.
    esbuildOptions: (options) => {
      options.charset = 'utf8';
    },
    // Appended after minification, so it stays as generated: readable, with its JSDoc.
    onSuccess: async () => {
      appendFileSync(`${outDir}/kefu.gs.js`, appsScriptFooter());
    },
  };
}

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
  gsBundle(),
  {
    // The `kefu` command (package.json `bin`): Node only, ESM, dependencies left to node_modules.
    entry: { cli: 'src/cli/kefu.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    dts: false,
    clean: false,
    splitting: false,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
