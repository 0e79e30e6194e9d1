import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Every file under a repository folder (relative, `/`-separated), for rules that read the tree. */
export function filesUnder(folder: string): string[] {
  return readdirSync(path.join(repoRoot, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(repoRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/**
 * What a source file imports, each specifier with the repository file or folder it names (`@/` and
 * relative specifiers resolved, packages as written): static and type-only imports, re-exports,
 * `import()` and `require()` alike, so a rule cannot be dodged by the form of the import.
 */
export function moduleImports(file: string): { specifier: string; target: string }[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(path.join(repoRoot, file), 'utf8'), true, true);
  return importedFiles.map(({ fileName: specifier }) => ({
    specifier,
    target: specifier.startsWith('@/')
      ? specifier.slice(2)
      : specifier.startsWith('.')
        ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))
        : specifier,
  }));
}
