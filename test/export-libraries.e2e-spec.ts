import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const DIST = resolve(__dirname, '..', 'dist', 'src');

/** Which of the Word and Excel libraries a fresh Node process holds after requiring `modules` from the build. */
function loadedAfter(modules: string[]): string[] {
  const script = `
    for (const m of ${JSON.stringify(modules)}) require(m);
    const held = Object.keys(require.cache).map((k) => /node_modules[\\\\/](docx|exceljs)[\\\\/]/.exec(k)?.[1]).filter(Boolean);
    process.stdout.write(JSON.stringify([...new Set(held)].sort()));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: resolve(__dirname, '..'), encoding: 'utf8' })) as string[];
}

/**
 * The export writers bring the Word and Excel libraries (about 40 MB resident); an instance loads them with its first
 * export, not at start (src/http/exports.ts; BENCHMARKS.md, "Soak").
 */
describe('export libraries', () => {
  it('are not loaded by the server and its routes', () => {
    expect(loadedAfter([`${DIST}/server.js`, `${DIST}/http/exports.js`])).toEqual([]);
  });

  it('are loaded by the writers that use them', () => {
    expect(loadedAfter([`${DIST}/exports/ledger-files.js`, `${DIST}/exports/bulletin-docx.js`])).toEqual(['docx', 'exceljs']);
  });
});
