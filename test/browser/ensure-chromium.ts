// Makes sure a Chromium is available for the browser tests: /usr/bin/chromium, installed with
// apt-get when it is missing and we run as root (with a small CJK font, so that the report's
// Chinese text renders in screenshots). Never downloads a browser any other way.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where the tests expect Chromium. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Chromium's path, or why it is not available (the test is then skipped with that message). */
export type ChromiumStatus = { readonly ok: true; readonly path: string; readonly installed: boolean } | { readonly ok: false; readonly reason: string };

function has(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function hasCjkFont(): boolean {
  if (!has('fc-list')) return false;
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

/**
 * Returns Chromium's path, installing it first when it is missing: `apt-get install -y chromium`
 * (plus `fonts-wqy-microhei` when no Chinese font is present), only as root with apt-get. Anything
 * else returns `{ ok: false, reason }` for a clear skip.
 */
export function ensureChromium(): ChromiumStatus {
  if (existsSync(CHROMIUM_PATH)) return { ok: true, path: CHROMIUM_PATH, installed: false };
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return { ok: false, reason: `${CHROMIUM_PATH} is missing and we are not root, so apt-get cannot install it` };
  if (!has('apt-get')) return { ok: false, reason: `${CHROMIUM_PATH} is missing and apt-get is not available to install it` };
  const packages = ['chromium', ...(hasCjkFont() ? [] : ['fonts-wqy-microhei'])];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: 'ignore', env, timeout: 600_000 });
  } catch {
    try {
      // The package lists may be stale or absent (a fresh container): refresh them once.
      execFileSync('apt-get', ['update'], { stdio: 'ignore', env, timeout: 300_000 });
      execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: 'ignore', env, timeout: 600_000 });
    } catch (error) {
      return { ok: false, reason: `apt-get install ${packages.join(' ')} failed: ${(error as Error).message.split('\n')[0] ?? ''}` };
    }
  }
  return existsSync(CHROMIUM_PATH) ? { ok: true, path: CHROMIUM_PATH, installed: true } : { ok: false, reason: `apt-get installed ${packages.join(' ')} but ${CHROMIUM_PATH} is still missing` };
}
