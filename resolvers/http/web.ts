// The browser front-ends built from scripts/web into dist/web: the GraphQL IDE at /ide (and at /graphql for a
// browser's plain GET), the visual explorer at /explore, the Draft page at /draft, their assets under /web.
// Analysts may be offline, so the pages load nothing from elsewhere, and the Content-Security-Policy below forbids
// them to.
import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { repoPath } from '../../graph/paths';

export const WEB_DIST = repoPath('dist', 'web');

/**
 * This server only. Styles also inline: Monaco and GraphiQL add <style> elements and style attributes at run time;
 * fonts also data: because GraphiQL's stylesheet embeds its fonts; images also data: for icons in stylesheets.
 * Monaco's workers are files under /web/assets (worker-src 'self', no blob:).
 */
export const WEB_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function withCsp(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', WEB_CSP);
  next();
}

function page(file: string) {
  return (_req: Request, res: Response): void => {
    res.setHeader('Content-Security-Policy', WEB_CSP);
    if (!fs.existsSync(file)) {
      res.status(503).type('text/plain').send('The web front-end is not built: run `npm run build:web`.\n');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(file);
  };
}

/** A browser opening /graphql (Accept prefers text/html, no query): GraphQL clients still reach Apollo. */
function wantsIde(req: Request): boolean {
  return (
    req.query.query === undefined &&
    req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html'
  );
}

export function mountWeb(app: Express, dist: string = WEB_DIST): void {
  const ide = page(path.join(dist, 'ide', 'index.html'));
  // Asset names carry content hashes, so they may be cached for good.
  app.use('/web', withCsp, express.static(dist, { index: false, immutable: true, maxAge: '365d' }));
  app.get('/ide', ide);
  app.get('/explore', page(path.join(dist, 'explore', 'index.html')));
  app.get('/draft', page(path.join(dist, 'draft', 'index.html')));
  app.get('/graphql', (req, res, next) => (wantsIde(req) ? ide(req, res) : next()));
}
