import { readFileSync } from 'node:fs';

/** The node flags `npm start` passes (package.json's start script), for whatever runs the server as it is run. */
export function npmStartFlags(packageJson: string): string[] {
  const { scripts } = JSON.parse(readFileSync(packageJson, 'utf8')) as { scripts: { start: string } };
  return scripts.start.match(/(?<=\s)--[\w-]+(=\S+)?/g) ?? [];
}
