import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

// `kefu` and `kefu/<domain>` resolve to the sources, so examples import the package by name.
const alias = [
  { find: /^kefu\/(.+)$/, replacement: src('$1/index.ts') },
  { find: /^kefu$/, replacement: src('index.ts') },
];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: ['src/**/*.prop.test.ts'] },
      },
      {
        resolve: { alias },
        test: { name: 'prop', include: ['src/**/*.prop.test.ts'] },
      },
      {
        resolve: { alias },
        test: { name: 'examples', include: ['test/**/*.test.ts'] },
      },
    ],
  },
});
