import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * docs/requirements.md is the only place requirement IDs (EV3, SF10...) are defined; code, docs and
 * reports cite them. Files move every day, so this keeps the glossary honest: each ID cited in a
 * tracked file is defined there, and each of its links still reaches a file.
 */
const root = path.resolve(import.meta.dirname, '..');
const GLOSSARY = 'docs/requirements.md';
const glossary = readFileSync(path.join(root, GLOSSARY), 'utf8');

const ID = /\b(EV|SF|PR|CT|X)(\d+)\b/g;
const RANGE = /\b(EV|SF|PR|CT|X)(\d+)\s*[-–]\s*\1(\d+)\b/g;
// Raw benchmark data and lockfile hashes contain strings such as "X5" that cite nothing.
const NOT_CITING = [/^docs\/reports\/.*\.json$/, /(^|\/)package-lock\.json$/, /(^|\/)node_modules\//];

/** The IDs a text cites; a range such as SF3-SF5 cites each ID in it. */
function citedIds(text: string): string[] {
  const ids = new Set([...text.matchAll(ID)].map((m) => m[0]));
  for (const [, prefix, from, to] of text.matchAll(RANGE)) {
    for (let n = Number(from); n <= Number(to); n++) ids.add(`${prefix}${n}`);
  }
  return [...ids].sort();
}

const definedIds = [...glossary.matchAll(/^- \*\*((?:EV|SF|PR|CT|X)\d+)\*\*/gm)].map((m) => m[1]);

/** Tracked text files; a file someone deleted but has not committed yet is skipped. */
function trackedTexts(): Array<[file: string, text: string]> {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }).split('\0');
  return files
    .filter((file) => file && !NOT_CITING.some((pattern) => pattern.test(file)) && existsSync(path.join(root, file)))
    .map((file): [string, string] => [file, readFileSync(path.join(root, file), 'utf8')])
    .filter(([, text]) => !text.includes('\0'));
}

describe('the requirements glossary', () => {
  it('reads a range as every ID in it', () => {
    expect(citedIds('SF3-SF5 and X1; PR10, not PRX or EV12a')).toEqual(['PR10', 'SF3', 'SF4', 'SF5', 'X1']);
  });

  it('defines each ID once', () => {
    expect(definedIds.length).toBeGreaterThan(0);
    expect(definedIds.filter((id, i) => definedIds.indexOf(id) !== i)).toEqual([]);
  });

  it('links only to files that exist', () => {
    const targets = [...glossary.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((href) => !/^([a-z][a-z+.-]*:|#)/i.test(href));
    expect(targets.length).toBeGreaterThan(0);
    const missing = targets.filter((href) => !existsSync(path.resolve(root, path.dirname(GLOSSARY), href.split('#')[0])));
    expect(missing).toEqual([]);
  });

  it('defines every ID that a tracked file cites', () => {
    const defined = new Set(definedIds);
    const undefinedCitations: Record<string, string[]> = {};
    for (const [file, text] of trackedTexts()) {
      for (const id of citedIds(text).filter((cited) => !defined.has(cited))) (undefinedCitations[id] ??= []).push(file);
    }
    expect(undefinedCitations).toEqual({});
  });
});
