import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Router, type NextFunction, type Request, type Response } from 'express';
import type { AppConfig } from '../config/config';

/** The page's Content-Security-Policy: everything from this server, no inline script. */
export const GRAPHIQL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const GRAPHIQL_ASSET_PREFIX = '/graphiql/assets';
const TITLE = '人大信访 GraphQL API';

interface Asset {
  body: Buffer;
  type: string;
  /** Content hash, carried as `?v=` in the page so the file can be cached for good. */
  hash: string;
}

/** Directory of an installed package (its browser builds are not in its `exports`, so go through package.json). */
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** `public/` of the project, found from here both as `src/http` (ts-jest) and as `dist/src/http` (compiled). */
function publicDir(): string {
  for (let dir = __dirname, i = 0; i < 5; dir = dirname(dir), i++) {
    if (existsSync(join(dir, 'public', 'graphiql', 'start.js'))) return join(dir, 'public');
  }
  throw new Error(`GraphiQL: public/graphiql/start.js not found above ${__dirname}`);
}

function loadAssets(): Map<string, Asset> {
  const files: Array<[string, string, string]> = [
    ['react.production.min.js', join(packageDir('react'), 'umd', 'react.production.min.js'), 'text/javascript; charset=utf-8'],
    ['react-dom.production.min.js', join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js'), 'text/javascript; charset=utf-8'],
    ['graphiql.min.js', join(packageDir('graphiql'), 'graphiql.min.js'), 'text/javascript; charset=utf-8'],
    ['graphiql.min.css', join(packageDir('graphiql'), 'graphiql.min.css'), 'text/css; charset=utf-8'],
    ['start.js', resolve(publicDir(), 'graphiql', 'start.js'), 'text/javascript; charset=utf-8'],
  ];
  const assets = new Map<string, Asset>();
  for (const [name, file, type] of files) {
    const body = readFileSync(file);
    assets.set(name, { body, type, hash: createHash('sha256').update(body).digest('hex').slice(0, 12) });
  }
  return assets;
}

function page(assets: Map<string, Asset>): string {
  const url = (name: string) => `${GRAPHIQL_ASSET_PREFIX}/${name}?v=${assets.get(name)!.hash}`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${TITLE}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${url('graphiql.min.css')}">
<style>html, body, #graphiql { height: 100%; margin: 0; overflow: hidden; }</style>
</head>
<body>
<div id="graphiql">正在加载 GraphiQL…</div>
<script src="${url('react.production.min.js')}"></script>
<script src="${url('react-dom.production.min.js')}"></script>
<script src="${url('graphiql.min.js')}"></script>
<script src="${url('start.js')}"></script>
</body>
</html>
`;
}

/**
 * Self-hosted GraphiQL: `GET /graphql` from a browser (prefers text/html, no `query` parameter) gets the page,
 * other requests fall through to Apollo. The page and its assets come from the installed packages and
 * `public/graphiql/start.js`; nothing is loaded from elsewhere. When `config.graphiql` is off this adds nothing.
 */
export function graphiqlRoutes(config: Pick<AppConfig, 'graphiql'>): Router {
  const router = Router();
  if (!config.graphiql) return router;

  const assets = loadAssets();
  const html = page(assets);

  router.get('/graphql', (req: Request, res: Response, next: NextFunction) => {
    res.vary('Accept');
    if (req.query.query !== undefined || req.accepts(['application/json', 'text/html']) !== 'text/html') return next();
    res
      .status(200)
      .set({
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': GRAPHIQL_CSP,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      })
      .send(html);
  });

  router.get(`${GRAPHIQL_ASSET_PREFIX}/:name`, (req: Request, res: Response, next: NextFunction) => {
    const asset = assets.get(String(req.params.name));
    if (!asset) return next();
    res
      .status(200)
      .set({
        'Content-Type': asset.type,
        // the page asks for `?v=<hash>`: that exact content may be kept for good; anything else is revalidated
        'Cache-Control': req.query.v === asset.hash ? 'public, max-age=31536000, immutable' : 'no-cache',
        ETag: `"${asset.hash}"`,
        'X-Content-Type-Options': 'nosniff',
      })
      .send(asset.body); // answers 304 itself when the ETag matches
  });

  return router;
}
