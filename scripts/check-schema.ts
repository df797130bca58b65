/**
 * The CI gate for the public schema: fails when the committed `schema.graphql` is not what the code
 * emits, or when any commit (or the uncommitted working copy) broke the schema without declaring it in
 * `docs/schema-changes.json`. Run after a build:  npm run schema:check
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDeclaredChanges, undeclaredBreakingChanges, type DeclaredChange } from '../src/schema/breaking-changes';
import { firstDifference, printAppSchema } from '../src/schema/print-schema';

// Compiled to dist/scripts/, so the project root is two levels up.
const ROOT = resolve(__dirname, '..', '..');
const SCHEMA_FILE = 'schema.graphql';
const DECLARED_FILE = resolve(ROOT, 'docs', 'schema-changes.json');
const HISTORY_DEPTH = 200;

function git(args: string[]): string {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

/** The file at `rev`, or undefined when that revision does not have it (or does not exist). */
function showAt(rev: string): string | undefined {
  try {
    // `./` makes the path relative to ROOT, which need not be the top of the repository.
    return git(['show', `${rev}:./${SCHEMA_FILE}`]);
  } catch {
    return undefined;
  }
}

/** Why git cannot be used here, or undefined when it can. */
function gitUnavailable(): string | undefined {
  try {
    return git(['rev-parse', '--is-inside-work-tree']).trim() === 'true' ? undefined : 'not inside a git work tree';
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') return 'git is not installed';
    return (e.stderr ?? e.message).trim().split('\n')[0] || 'not a git checkout';
  }
}

interface Finding {
  where: string;
  type: string;
  description: string;
}

/** Compares each schema commit with its parent, then HEAD with the working copy. */
function checkHistory(declared: readonly DeclaredChange[], workingCopy: string): { checked: number; findings: Finding[]; notes: string[] } {
  const findings: Finding[] = [];
  const notes: string[] = [];
  let checked = 0;
  const compare = (where: string, oldSdl: string, newSdl: string) => {
    try {
      for (const c of undeclaredBreakingChanges(oldSdl, newSdl, declared)) findings.push({ where, type: c.type, description: c.description });
      return true;
    } catch (err) {
      // An unparseable historical version cannot be repaired once pushed; say so rather than fail forever.
      notes.push(`${where}: could not compare (${(err as Error).message.split('\n')[0]})`);
      return false;
    }
  };

  const commits = git(['log', '--format=%H', '-n', String(HISTORY_DEPTH), '--', SCHEMA_FILE]).split('\n').filter(Boolean);
  for (const commit of commits) {
    const short = commit.slice(0, 8);
    // The commit that first added the file, or a shallow clone's boundary, has nothing to compare with.
    const before = showAt(`${commit}^`);
    const after = showAt(commit);
    if (before === undefined || after === undefined) continue;
    if (compare(short, before, after)) checked++;
  }

  const head = showAt('HEAD');
  if (head !== undefined && head !== workingCopy) compare('working tree', head, workingCopy);
  return { checked, findings, notes };
}

async function main() {
  const failures: string[] = [];
  const schemaPath = resolve(ROOT, SCHEMA_FILE);
  if (!existsSync(schemaPath)) {
    console.error(`${SCHEMA_FILE} is missing: run npm run schema:emit and commit it`);
    process.exit(1);
  }
  const committed = readFileSync(schemaPath, 'utf8');

  const drift = firstDifference(committed, await printAppSchema());
  if (drift) failures.push(`${SCHEMA_FILE} is stale: run npm run schema:emit and commit it\n  first difference at ${drift}`);

  let declared: DeclaredChange[] = [];
  try {
    declared = existsSync(DECLARED_FILE) ? parseDeclaredChanges(readFileSync(DECLARED_FILE, 'utf8')) : [];
  } catch (err) {
    failures.push((err as Error).message);
  }

  let checked = 0;
  const why = gitUnavailable();
  if (why) {
    console.log(`note: skipping the breaking-change history check (${why})`);
  } else {
    const history = checkHistory(declared, committed);
    checked = history.checked;
    for (const n of history.notes) console.log(`note: ${n}`);
    if (history.findings.length) {
      failures.push(
        [
          `undeclared breaking change${history.findings.length > 1 ? 's' : ''} in ${SCHEMA_FILE}:`,
          ...history.findings.map((f) => `  ${f.where}  ${f.type}  ${f.description}`),
          'Restore what front ends use (deprecate with @deprecated(reason) first), or, if the break is deliberate,',
          'add { "description": <the exact text above>, "reason": …, "date": "YYYY-MM-DD" } to docs/schema-changes.json.',
          'See docs/schema-changes.md.',
        ].join('\n'),
      );
    }
  }

  if (failures.length) {
    for (const f of failures) console.error(f);
    process.exit(1);
  }
  const history = why ? 'history not checked' : `${checked} schema commit${checked === 1 ? '' : 's'} checked, no undeclared breaking change`;
  console.log(`${SCHEMA_FILE} is current; ${history}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
