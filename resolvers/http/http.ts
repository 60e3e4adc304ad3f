// The HTTP application: /graphql (Apollo through express), /healthz, /readyz, /metrics, CORS allow-list, body size
// limit, security headers, a log line and request id per request, and compression of large answers. Everything it
// serves comes from this server (no CDN), for analysts on closed networks.
import { timingSafeEqual, createHash } from 'node:crypto';
import http from 'node:http';
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import express, { type Request, type Response, type NextFunction } from 'express';
import { editorTokensOf, type Config, type EditorToken } from '../../graph/config';
import type { GraphExecutor } from '../../graph/executor';
import type { Logger } from '../../graph/logger';
import { isMigrated } from '../../graph/migrations';
import { createContext } from '../context';
import { mountExport } from './exportRoute';
import { createServerMetrics } from './metrics';
import { linkContext, operationPlugin, requestLog } from './requestLog';
import { createApolloServer } from './server';
import { mountWeb } from './web';

export const MAX_BODY = '2mb';

/** Constant-time token check: hashing first makes both sides the same length. */
export function tokenMatches(header: string | undefined, token: string | undefined): boolean {
  if (token === undefined || header === undefined) return false;
  const m = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!m?.[1]) return false;
  const a = createHash('sha256').update(m[1]).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

/**
 * The label of the configured token the header carries, or undefined. Every token is compared, with no early exit,
 * so the time taken says neither which token matched nor how many there are before it.
 */
export function matchEditor(header: string | undefined, tokens: readonly EditorToken[]): string | undefined {
  let label: string | undefined;
  for (const t of tokens) {
    const hit = tokenMatches(header, t.token);
    label = hit && label === undefined ? t.label : label;
  }
  return label;
}

function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  next();
}

function cors(origins: string[] | undefined) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.headers.origin;
    if (
      origin !== undefined &&
      origins !== undefined &&
      (origins.includes('*') || origins.includes(origin))
    ) {
      res.setHeader('Access-Control-Allow-Origin', origins.includes('*') ? '*' : origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization, Apollo-Require-Preflight');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      if (req.method === 'OPTIONS') {
        res.status(204).end();
        return;
      }
    }
    next();
  };
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startHttpServer(opts: {
  executor: GraphExecutor;
  config: Config;
  log: Logger;
  port?: number;
  host?: string;
  /** Extra routes (IDE, explorer, exports), mounted before /graphql. */
  extend?: (app: express.Express) => void;
}): Promise<RunningServer> {
  const { executor, config, log } = opts;
  const metrics = config.metrics ? createServerMetrics(executor) : undefined;
  const tokens = editorTokensOf(config);
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLog(log, metrics));
  app.use(securityHeaders);
  app.use(cors(config.corsOrigins));
  // Only API answers are compressed: GraphQL results and exports can run to megabytes, and are text.
  app.use(['/graphql', '/export'], compression({ threshold: config.compressionThresholdBytes }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const reachable = await executor.ping();
    const migrated = reachable ? await isMigrated(executor).catch(() => false) : false;
    res
      .status(reachable && migrated ? 200 : 503)
      .json({ status: reachable && migrated ? 'ready' : 'unavailable', neo4j: reachable, migrated });
  });
  if (metrics !== undefined) {
    app.get('/metrics', async (_req, res) => {
      res.setHeader('Content-Type', metrics.registry.contentType);
      res.send(await metrics.registry.metrics());
    });
  }
  mountExport(app, executor, log);
  // The IDE and the explorer (dist/web), before /graphql so a browser's GET there gets the IDE.
  mountWeb(app);
  opts.extend?.(app);

  const httpServer = http.createServer(app);
  const apollo = createApolloServer({
    introspection: config.introspection,
    log,
    plugins: [operationPlugin(metrics)],
  });
  await apollo.start();
  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY }),
    expressMiddleware(apollo, {
      context: ({ req, res }) =>
        Promise.resolve(
          linkContext(createContext(executor, config, matchEditor(req.headers.authorization, tokens)), res),
        ),
    }),
  );
  // Body too large, malformed JSON: a clear JSON error instead of express's HTML page.
  app.use(
    (err: Error & { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
      if (res.headersSent) return next(err);
      const status = err.status ?? 500;
      if (status >= 500) log.error(`HTTP error: ${err.stack ?? err.message}`);
      const message =
        err.type === 'entity.too.large'
          ? `Request body larger than ${MAX_BODY}.`
          : status < 500
            ? err.message
            : 'Internal server error';
      res.status(status).json({
        errors: [
          {
            message,
            extensions: {
              code:
                status === 413 ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR',
            },
          },
        ],
      });
    },
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(opts.port ?? config.port, opts.host ?? config.host, () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address !== null ? address.port : (opts.port ?? config.port);
  const host = opts.host ?? config.host;
  return {
    url: `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`,
    port,
    async close() {
      metrics?.close();
      await apollo.stop();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
