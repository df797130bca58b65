import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, createTestServer, type TestServer } from './harness/test-server';
import type { GraphQLTestClient } from './harness/graphql-client';
import { connectLive, type LiveClient } from './harness/ws-client';
import { WORDING_PLACEHOLDERS } from '../src/domain/reply-wording-check';

const DIR = join(__dirname, '..', 'docs', 'examples');

interface Example {
  file: string;
  title: string;
  as: string;
  variables?: string;
  captures: Array<[string, string]>;
  document: string;
}

/** Reads the header comments every example starts with: `# as:`, `# variables:`, `# capture: name = path; …`. */
function readExample(file: string): Example {
  const text = readFileSync(join(DIR, file), 'utf8');
  const header = (key: string) => new RegExp(`^# ${key}: (.*)$`, 'm').exec(text)?.[1]?.trim();
  const captures = (header('capture') ?? '')
    .split(';')
    .map((c) => c.split('=').map((x) => x.trim()) as [string, string])
    .filter(([name, path]) => name && path);
  return { file, title: text.split('\n')[0].replace(/^# /, ''), as: header('as') ?? 'anonymous', variables: header('variables'), captures, document: text };
}

const get = (obj: unknown, path: string) => path.split('.').reduce<any>((o, k) => o?.[k], obj);

describe('docs/examples: one runnable operation per workflow step, against the demo data', () => {
  let t: TestServer;
  const clients = new Map<string, GraphQLTestClient>();
  const values = new Map<string, string>();
  const sockets: LiveClient[] = [];
  const examples = readdirSync(DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map(readExample);

  beforeAll(async () => {
    t = await createTestServer({ DEMO_DATA: '1' });
    const { units } = await t.admin.ok('{ units { id code } }');
    for (const u of units) values.set(`unit:${u.code}`, u.id);
    const { users } = await t.admin.ok('{ users { id username } }');
    for (const u of users) values.set(`user:${u.username}`, u.id);
  });
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await t?.close();
  });

  async function clientFor(who: string): Promise<GraphQLTestClient> {
    if (who === 'anonymous') return t.client;
    if (!clients.has(who)) clients.set(who, who === ADMIN.username ? t.admin : await t.login(who, 'Demo@2026'));
    return clients.get(who)!;
  }

  function fill(json: string | undefined, file: string): Record<string, unknown> | undefined {
    if (!json) return undefined;
    const filled = json.replace(/\{\{([^}]+)\}\}/g, (whole, key: string) => {
      // a reply wording's own placeholders are part of the text the example sends
      if (WORDING_PLACEHOLDERS.includes(key as never)) return whole;
      if (!values.has(key)) throw new Error(`${file}: nothing captured as {{${key}}} by an earlier example`);
      return values.get(key)!;
    });
    return JSON.parse(filled);
  }

  it('has examples, each with a title and a runnable operation', () => {
    expect(examples.length).toBeGreaterThanOrEqual(30);
    for (const e of examples) expect(e.title).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('runs every example in order without an error', async () => {
    for (const e of examples) {
      const variables = fill(e.variables, e.file);
      if (/^subscription /m.test(e.document)) {
        const client = await clientFor(e.as);
        const live = connectLive(t.wsUrl, client.token);
        sockets.push(live);
        const sub = await live.subscribe(e.document, variables);
        const early = await sub.drain(150);
        expect({ file: e.file, errors: early.flatMap((r) => r.errors ?? []) }).toEqual({ file: e.file, errors: [] });
        sub.dispose();
        continue;
      }
      const res = await (await clientFor(e.as)).query(e.document, variables);
      expect({ file: e.file, errors: res.errors }).toEqual({ file: e.file, errors: undefined });
      for (const [name, path] of e.captures) {
        const value = get(res.data, path);
        expect({ file: e.file, capture: name, found: typeof value }).toEqual({ file: e.file, capture: name, found: 'string' });
        values.set(name, value);
      }
    }
  });
});
