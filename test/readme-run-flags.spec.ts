import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { npmStartFlags } from './harness/npm-start';

// The heap cap is part of how the server is run (README "Operations"): every way the README starts node in production
// must pass the same flags as `npm start`, or a deployment copied from it runs without the memory bound.

describe('the node flags of `npm start` and of the README run examples', () => {
  const root = join(__dirname, '..');
  const flags = npmStartFlags(join(root, 'package.json'));
  const readme = readFileSync(join(root, 'README.md'), 'utf8');

  it('caps the old generation in `npm start`', () => {
    expect(flags).toEqual([expect.stringMatching(/^--max-old-space-size=\d+$/)]);
  });

  it('passes the same flags in the systemd unit, the container and every `node … dist/src/main.js` line', () => {
    const execStart = /^ExecStart=\/usr\/bin\/node (.*) dist\/src\/main\.js$/m.exec(readme)?.[1];
    expect(execStart).toBe(flags.join(' '));
    const cmd = /^CMD \[(.*)\]$/m.exec(readme)?.[1];
    expect(cmd).toBe(['node', ...flags, 'dist/src/main.js'].map((a) => JSON.stringify(a)).join(', '));
    const lines = [...readme.matchAll(/`node ([^`]*)dist\/src\/main\.js`/g)].map((m) => m[1].trim());
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toBe(flags.join(' '));
  });
});
