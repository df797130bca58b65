import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

/**
 * Dependencies point one way: resolvers → services → domain and entities. Read from the source, so a new file
 * that breaks the direction fails here rather than in review.
 */
const SRC = __dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every module a file imports or re-exports, as a path relative to src (bare packages left out). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom|\bimport|\brequire\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
  return specifiers.filter((s) => s.startsWith('.')).map((s) => relative(SRC, resolve(dirname(file), s)).split('\\').join('/'));
}

const LOWER_LAYERS = ['services', 'domain', 'loaders', 'entities'];

describe('dependency direction', () => {
  const files = LOWER_LAYERS.flatMap((layer) => sourceFiles(join(SRC, layer)));

  it('finds the files it checks', () => {
    expect(files.some((f) => f.endsWith('case.service.ts'))).toBe(true);
    expect(importsOf(join(SRC, 'services', 'case.service.ts'))).toContain('context/request-context');
  });

  it.each(LOWER_LAYERS)('nothing under src/%s imports a resolver or an API type', (layer) => {
    const offending = sourceFiles(join(SRC, layer)).flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith('resolvers/') || target.startsWith('schema/types/'))
        .map((target) => `${relative(SRC, file)} → ${target}`),
    );
    expect(offending).toEqual([]);
  });

  it('services, loaders and subscriptions receive their collaborators explicitly, not through the request context', () => {
    const offending = ['services', 'domain', 'loaders', 'subscriptions']
      .flatMap((layer) => sourceFiles(join(SRC, layer)))
      .filter((file) => /\.services\b/.test(readFileSync(file, 'utf8')));
    expect(offending.map((f) => relative(SRC, f))).toEqual([]);
  });
});
