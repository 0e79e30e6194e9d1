import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Folders that never change the production bundle. Everything else counts, so a new top-level
 * folder (lib/, hooks/, ...) triggers a rebuild without anyone remembering to list it here.
 */
const IGNORED_DIRS = new Set([
  'node_modules',
  '.git',
  '.next',
  '.next-test',
  '.data',
  '.cache',
  '.ci',
  '.scratch',
  'docs',
  'e2e',
  'load',
  'scripts',
  'test-results',
  'playwright-report',
  'coverage',
]);
// next-env.d.ts is rewritten by every next build; state.json is FerretDB's default state file.
const IGNORED_FILE = /(\.test\.tsx?|\.md|\.log|\.tsbuildinfo|^next-env\.d\.ts|^state\.json)$/;

/** Content hash of the app's sources, lockfile, configs, and NEXT_PUBLIC_* env (inlined at build). */
export function sourceHash(root: string, extraIgnoredDirs: string[] = []): string {
  const ignored = new Set([...IGNORED_DIRS, ...extraIgnoredDirs.map((d) => path.resolve(d))]);
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!ignored.has(entry.name) && !ignored.has(full)) walk(full);
      } else if (entry.isFile() && !IGNORED_FILE.test(entry.name)) {
        hash.update(path.relative(root, full)).update('\0').update(readFileSync(full)).update('\0');
      }
    }
  };
  walk(root);
  for (const [k, v] of Object.entries(process.env).sort()) if (k.startsWith('NEXT_PUBLIC_')) hash.update(`${k}=${v}\0`);
  return hash.digest('hex');
}

/**
 * The stamp lives inside the build output: `next build` empties that folder first, so a build
 * made by anything else (make test, a manual build) also invalidates it.
 */
const stampFile = (distDir: string) => path.join(distDir, 'quadrant-source-hash');

export function buildIsCurrent(distDir: string, hash: string): boolean {
  return existsSync(path.join(distDir, 'BUILD_ID')) && existsSync(stampFile(distDir)) && readFileSync(stampFile(distDir), 'utf8') === hash;
}

export function recordBuild(distDir: string, hash: string): void {
  writeFileSync(stampFile(distDir), hash);
}
