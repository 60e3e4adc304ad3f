// The one place that reads the environment: parsed and validated once, then passed around as a plain object.
import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes'].includes(v)));

/** A mutation token and the label the history records for whoever uses it. */
export interface EditorToken {
  label: string;
  token: string;
}

const LABEL = /^[a-z0-9_-]+$/;
const MIN_TOKEN = 16;

/**
 * `label:token,label2:token2` → tokens, in order. Messages name an entry by its position and label, never by its
 * token, since a config error ends up in logs. Empty entries (a trailing comma) are ignored.
 */
function parseEditorTokens(text: string, ctx: z.RefinementCtx): EditorToken[] {
  const out: EditorToken[] = [];
  const fail = (message: string) => ctx.addIssue({ code: 'custom', message });
  text.split(',').forEach((raw, i) => {
    const entry = raw.trim();
    if (entry === '') return;
    const colon = entry.indexOf(':');
    const at = `entry ${i + 1}`;
    if (colon < 0) return fail(`${at}: expected label:token`);
    const label = entry.slice(0, colon).trim();
    const token = entry.slice(colon + 1).trim();
    if (!LABEL.test(label))
      return fail(`${at}: the label must be lower-case letters, digits, _ or - (a-z0-9_-)`);
    if (token.length < MIN_TOKEN)
      return fail(
        `${at} (${label}): the token must be at least ${MIN_TOKEN} characters so it cannot be guessed`,
      );
    if (out.some((t) => t.label === label)) return fail(`${at}: the label ${label} is used twice`);
    if (out.some((t) => t.token === token)) return fail(`${at} (${label}): the same token as another entry`);
    out.push({ label, token });
  });
  return out;
}

const EnvSchema = z.object({
  PORT: port(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NEO4J_URI: optionalString.pipe(
    z
      .string()
      .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\//, 'must start with neo4j://, neo4j+s://, bolt:// or bolt+s://')
      .optional(),
  ),
  NEO4J_USER: optionalString,
  NEO4J_PASSWORD: optionalString,
  NEO4J_DATABASE: optionalString,
  LOCAL_NEO4J_DIR: z.string().default('.data/neo4j'),
  LOCAL_NEO4J_PORT: port(7687),
  LOCAL_NEO4J_PAGECACHE_MB: z.coerce.number().int().min(16).max(65536).default(256),
  LOCAL_NEO4J_HEAP_MB: z.coerce.number().int().min(128).max(65536).default(768),
  LOCAL_NEO4J_START_TIMEOUT_S: z.coerce.number().int().min(5).max(1800).default(180),
  NEO4J_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600000).default(15000),
  GRAPH_EDITOR_TOKEN: optionalString.pipe(
    z.string().min(16, 'must be at least 16 characters so it cannot be guessed').optional(),
  ),
  EDITOR_TOKENS: optionalString.transform((v, ctx) => (v === undefined ? [] : parseEditorTokens(v, ctx))),
  GRAPHQL_INTROSPECTION: bool(true),
  CORS_ORIGINS: optionalString,
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  METRICS: bool(true),
  COMPRESSION_THRESHOLD_BYTES: z.coerce.number().int().min(0).max(1073741824).default(1024),
});

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  port: number;
  /** Interface the API listens on; 0.0.0.0 to serve other machines. */
  host: string;
  neo4j: {
    /** Set when an external Neo4j is used; unset means "start the embedded local one". */
    uri: string | undefined;
    user: string | undefined;
    password: string | undefined;
    database: string | undefined;
    queryTimeoutMs: number;
  };
  local: { dir: string; port: number; pageCacheMb: number; heapMb: number; startTimeoutS: number };
  /** GRAPH_EDITOR_TOKEN: the token labelled `editor` (see editorTokensOf). */
  editorToken: string | undefined;
  /** EDITOR_TOKENS, without GRAPH_EDITOR_TOKEN; editorTokensOf gives every token accepted. */
  editorTokens: readonly EditorToken[];
  introspection: boolean;
  corsOrigins: string[] | undefined;
  logLevel: LogLevel;
  /** Serve Prometheus metrics at /metrics. */
  metrics: boolean;
  /** GraphQL answers and exports at least this large are compressed when the client accepts it. */
  compressionThresholdBytes: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses an environment (default: this process's) into a Config, or throws one error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const clash =
    e.GRAPH_EDITOR_TOKEN !== undefined &&
    e.EDITOR_TOKENS.find((t) => t.label === 'editor' || t.token === e.GRAPH_EDITOR_TOKEN);
  if (clash) {
    throw new ConfigError(
      `Invalid configuration in the environment:\n  EDITOR_TOKENS: ${clash.label === 'editor' ? 'the label editor' : `the token of ${clash.label}`} is already GRAPH_EDITOR_TOKEN's`,
    );
  }
  if ((e.NEO4J_USER === undefined) !== (e.NEO4J_PASSWORD === undefined)) {
    throw new ConfigError('Invalid configuration: set both NEO4J_USER and NEO4J_PASSWORD, or neither.');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    neo4j: {
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      queryTimeoutMs: e.NEO4J_QUERY_TIMEOUT_MS,
    },
    local: {
      dir: path.resolve(e.LOCAL_NEO4J_DIR),
      port: e.LOCAL_NEO4J_PORT,
      pageCacheMb: e.LOCAL_NEO4J_PAGECACHE_MB,
      heapMb: e.LOCAL_NEO4J_HEAP_MB,
      startTimeoutS: e.LOCAL_NEO4J_START_TIMEOUT_S,
    },
    editorToken: e.GRAPH_EDITOR_TOKEN,
    editorTokens: e.EDITOR_TOKENS,
    introspection: e.GRAPHQL_INTROSPECTION,
    corsOrigins: e.CORS_ORIGINS?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    logLevel: e.LOG_LEVEL,
    metrics: e.METRICS,
    compressionThresholdBytes: e.COMPRESSION_THRESHOLD_BYTES,
  };
}

/** Every token that may call mutations: GRAPH_EDITOR_TOKEN as `editor`, then EDITOR_TOKENS. Empty: mutations off. */
export function editorTokensOf(config: Pick<Config, 'editorToken' | 'editorTokens'>): EditorToken[] {
  const legacy = config.editorToken === undefined ? [] : [{ label: 'editor', token: config.editorToken }];
  return [...legacy, ...config.editorTokens];
}
