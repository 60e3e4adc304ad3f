// One structured log line per HTTP request, with a request id (the caller's `x-request-id` when it is sane, else a
// fresh one, returned in the response header either way) and, for API requests, the operation and its outcome,
// which also feed the metrics. Only the path is logged: query strings and bodies carry the variables' values.
import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Request, Response, NextFunction } from 'express';
import { Kind, type DocumentNode } from 'graphql';
import type { Logger } from '../../graph/logger';
import type { GraphContext } from '../context';
import type { ServerMetrics } from './metrics';

/** What a request id from outside may look like: short, printable, nothing a log parser could trip on. */
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Paths whose requests are API operations, counted in the metrics. */
const API_PATHS: Record<string, string> = { '/graphql': 'unknown', '/export': 'export' };

export class RequestRecord {
  /** The operation's label once known (a GraphQL operation name, `anonymous`, or `export`). */
  operation: string | undefined;
  /** `ok`, or the error code the client got. */
  outcome: string | undefined;
  constructor(readonly id: string) {}
}

const records = new WeakMap<Response, RequestRecord>();
/** Apollo hands plugins a shallow copy of the context, so the link travels inside it, under a private key. */
const RECORD = Symbol('requestRecord');

function recordIn(context: object): RequestRecord | undefined {
  const r: unknown = Reflect.get(context, RECORD);
  return r instanceof RequestRecord ? r : undefined;
}

/** The record of a request being answered (set by `requestLog`). */
export function recordOf(res: Response): RequestRecord | undefined {
  return records.get(res);
}

/** Links a GraphQL context to its request's record, so the Apollo plugin can fill in the operation. */
export function linkContext(context: GraphContext, res: Response): GraphContext {
  const record = records.get(res);
  if (record !== undefined) Reflect.set(context, RECORD, record);
  return context;
}

export function requestId(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : randomUUID();
}

export function requestLog(log: Logger, metrics: ServerMetrics | undefined) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    // Read now: routers mounted on a path rewrite req.path while they handle the request.
    const path = req.path;
    const record = new RequestRecord(requestId(req.headers['x-request-id']));
    records.set(res, record);
    res.setHeader('x-request-id', record.id);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const fallback = API_PATHS[path];
      const operation = record.operation ?? fallback;
      const outcome =
        record.outcome ?? (res.statusCode < 400 && res.writableFinished ? 'ok' : `HTTP_${res.statusCode}`);
      if (operation !== undefined && fallback !== undefined) metrics?.request(operation, outcome, seconds);
      log.event(
        {
          requestId: record.id,
          method: req.method,
          path,
          status: res.statusCode,
          ...(operation === undefined ? {} : { operation, outcome }),
          durationMs: Math.round(seconds * 10000) / 10,
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        'request',
      );
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };
}

/** The name of a document's only operation, for requests that failed before Apollo picked the operation. */
function onlyOperationName(doc: DocumentNode | undefined): string | undefined {
  const ops = doc?.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION) ?? [];
  return ops.length === 1 && ops[0]?.kind === Kind.OPERATION_DEFINITION ? ops[0].name?.value : undefined;
}

/** Fills in the GraphQL operation label and outcome of each request's record. */
export function operationPlugin(metrics: ServerMetrics | undefined): ApolloServerPlugin<GraphContext> {
  // Without metrics the label is only logged: the name as given, cut short.
  const label = (name: string | null | undefined) =>
    metrics?.operationLabel(name) ?? (name === null || name === undefined ? 'anonymous' : name.slice(0, 64));
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse(rc) {
          const record = recordIn(rc.contextValue);
          if (record === undefined) return Promise.resolve();
          record.operation = label(
            rc.operationName ?? rc.request.operationName ?? onlyOperationName(rc.document),
          );
          const body = rc.response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : undefined;
          const code = errors?.[0]?.extensions?.code;
          record.outcome =
            errors === undefined || errors.length === 0 ? 'ok' : typeof code === 'string' ? code : 'ERROR';
          return Promise.resolve();
        },
      });
    },
  };
}
