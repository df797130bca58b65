import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode } from '../src/errors/error-code';

// The README's error table is what a front-end developer reads first; it must name every code the API can send.

describe('the README error table', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## 错误代码 / Error codes'));
  const table = section.slice(0, section.indexOf('\n## '));
  const codes = [...table.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);

  it('lists every ErrorCode once, in the order of the enum', () => {
    expect(codes).toEqual(Object.values(ErrorCode));
  });
});
