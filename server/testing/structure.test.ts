import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contexts } from '@/server/contexts';
import { registeredRoutes } from './registered-routes';
import { filesUnder, moduleImports, repoRoot } from './module-imports';

/**
 * The layout rules a newcomer (and a new context) can rely on, read from the file tree: routes are
 * one line over a registered definition, domain code is pure, the core knows no context and no
 * Next.js. biome.jsonc has the import rules as lint rules too; these also catch what lint misses
 * (relative paths, type-only and dynamic imports, contexts added later).
 */
/** Every registered definition with the route file that must serve it and the adapter it must use. */
const pathFile = (apiPath: string) => `app${apiPath.replace(/\{(\w+)\}/g, '[$1]')}/route.ts`;
const served = contexts.flatMap((context) => [
  ...registeredRoutes(context).map((route) => ({
    key: route.key,
    def: route.def as unknown,
    file: route.kind === 'command' ? `app/api/commands/${route.key}/route.ts` : pathFile(route.key),
    export: route.kind === 'command' ? 'POST = commandRoute' : 'GET = queryRoute',
  })),
  ...context.streams.map((def) => ({ key: def.path, def: def as unknown, file: pathFile(def.path), export: 'GET = streamRoute' })),
]);
const routeFiles = [...filesUnder('app/api/commands'), ...filesUnder('app/api/queries')].filter((f) => f.endsWith('/route.ts')).sort();

/** Imports, one comment line saying what the route does, one export: an adapter over a definition. */
const ROUTE_SHAPE = /^(?:import [^\n]+;\n)+\n\/\/ \S[^\n]*\nexport const (GET|POST) = (\w+Route)\((\w+)\);\n$/;

/** The definition a route file serves, and how (`GET = queryRoute`); throws if the file is not in the route shape. */
async function routeOf(file: string): Promise<{ def: unknown; export: string }> {
  const source = readFileSync(path.join(repoRoot, file), 'utf8');
  const shape = ROUTE_SHAPE.exec(source);
  if (!shape) throw new Error(`${file} is not "imports, one comment line, export const GET|POST = <adapter>(definition);"`);
  const [, method, adapter, name] = shape;
  const from = new RegExp(`^import \\{ ${name} \\} from '([^']+)';$`, 'm').exec(source);
  if (!from) throw new Error(`${file} does not import ${name} on its own line`);
  return { def: ((await import(from[1])) as Record<string, unknown>)[name], export: `${method} = ${adapter}` };
}

describe('routes', () => {
  it.each(served.map((s) => [s.key, s] as const))('%s has its route file', (_key, { file }) => {
    expect(existsSync(path.join(repoRoot, file)), file).toBe(true);
  });

  it.each(routeFiles)('%s is one comment line and one export of the definition registered for its path', async (file) => {
    const route = await routeOf(file);
    const registered = served.find((s) => s.def === route.def);
    expect(registered, `${file} serves no registered definition`).toBeDefined();
    expect({ file, export: route.export }).toEqual({ file: registered!.file, export: registered!.export });
  });
});

const code = (folder: string) => filesUnder(folder).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));

describe('imports', () => {
  const domainFiles = contexts.flatMap((c) => (existsSync(path.join(repoRoot, `server/${c.name}/domain`)) ? code(`server/${c.name}/domain`) : []));
  const CORE_FOR_DOMAIN = ['server/cqrs/types', 'server/cqrs/errors'];

  it('every context with domain code is checked', () => {
    expect(domainFiles.length).toBeGreaterThan(0);
  });

  it.each(domainFiles)('%s imports only the core’s types and errors, shared contracts and its own domain folder', (file) => {
    const ownFolder = `${file.split('/').slice(0, 3).join('/')}/`;
    const foreign = moduleImports(file).filter(
      ({ target }) => !CORE_FOR_DOMAIN.includes(target) && !target.startsWith('server/shared/') && !target.startsWith(ownFolder),
    );
    expect(foreign.map((i) => i.specifier)).toEqual([]);
  });

  const contextFolders = contexts.map((c) => `server/${c.name}`);
  it.each(code('server/cqrs'))('%s (the core) imports neither Next.js nor any context', (file) => {
    const forbidden = moduleImports(file).filter(
      ({ target }) =>
        target === 'next' ||
        target.startsWith('next/') ||
        target === 'server/contexts' ||
        contextFolders.some((f) => target === f || target.startsWith(`${f}/`)),
    );
    expect(forbidden.map((i) => i.specifier)).toEqual([]);
  });
});
