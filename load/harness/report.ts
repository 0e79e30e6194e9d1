/** Writes a benchmark's report as JSON (the numbers) and markdown (rendered from them). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../scripts/stack/app';

export const REPORTS_OF_RECORD = path.join(REPO_ROOT, 'docs', 'reports');

/** docs/reports, or BENCH_REPORT_DIR for trial runs that must not replace the reports of record. */
export const reportDir = () => path.resolve(REPO_ROOT, process.env.BENCH_REPORT_DIR ?? REPORTS_OF_RECORD);

export function writeReport<R>(name: string, report: R, render: (r: R) => string): string {
  const dir = reportDir();
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(dir, `${name}.md`), render(report));
  return path.relative(REPO_ROOT, path.join(dir, name));
}

/** A report's JSON, or undefined when there is none. */
export function readReport<R>(name: string, dir = reportDir()): R | undefined {
  const file = path.join(dir, `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as R) : undefined;
}

/**
 * `npx tsx <renderer>` re-renders the markdown from the JSON (e.g. after editing findings), when
 * `meta` is the file being run.
 */
export function rerenderWhenRun<R>(meta: ImportMeta, name: string, render: (r: R) => string): void {
  if (!process.argv[1] || path.resolve(process.argv[1]) !== meta.filename) return;
  const report = readReport<R>(name);
  if (!report) throw new Error(`no ${name}.json in ${reportDir()}`);
  writeFileSync(path.join(reportDir(), `${name}.md`), render(report));
  console.log(`re-rendered ${name}.md`);
}
