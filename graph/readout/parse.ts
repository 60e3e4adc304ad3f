// Turns readout text (YAML or JSON) into a schema-checked Readout, or a list of issues naming file, path and line.
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { ReadoutIssue } from '../errors';
import { ReadoutSchema, type Readout } from './schema';

export type ReadoutFormat = 'yaml' | 'json';

/** Guard against pathological inputs before parsing: a readout is a few kilobytes. */
export const MAX_READOUT_BYTES = 1024 * 1024;

export type ParseResult = { ok: true; readout: Readout } | { ok: false; issues: ReadoutIssue[] };

/** `people[1].role` from ['people', 1, 'role']. */
export function pathToString(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

function lineOf(doc: Document, counter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  // Walk up the path until a node with a position is found (a missing key points at its parent).
  for (let n = path.length; n >= 0; n--) {
    const node: unknown = doc.getIn(path.slice(0, n) as (string | number)[], true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value' && 'values' in issue && issue.values.length > 1) {
    return `expected one of ${issue.values.map(String).join(', ')}`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; see docs/readout-format.md`;
  }
  if (issue.code === 'invalid_union') {
    return issue.message === 'Invalid input' ? 'expected a theme name, or an object with name and optional note' : issue.message;
  }
  return issue.message;
}

export function parseReadout(text: string, file: string, format?: ReadoutFormat): ParseResult {
  if (Buffer.byteLength(text, 'utf8') > MAX_READOUT_BYTES) {
    return { ok: false, issues: [{ file, path: '', message: `file is larger than ${MAX_READOUT_BYTES} bytes` }] };
  }
  const fmt = format ?? (/\.json$/i.test(file) ? 'json' : 'yaml');
  if (fmt === 'json') {
    try {
      JSON.parse(text);
    } catch (e) {
      return { ok: false, issues: [{ file, path: '', message: `malformed JSON: ${(e as Error).message}` }] };
    }
  }
  const counter = new LineCounter();
  // JSON is YAML 1.2, so one parser gives line numbers for both; duplicate keys and aliases bombs are refused.
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        file,
        path: '',
        line: e.linePos?.[0]?.line,
        message: `malformed ${fmt.toUpperCase()}: ${(e.message.split('\n')[0] ?? e.code).replace(/ at line \d+, column \d+:?$/, '')}`,
      })),
    };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { ok: false, issues: [{ file, path: '', message: `malformed ${fmt.toUpperCase()}: ${(e as Error).message}` }] };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, issues: [{ file, path: '', message: 'expected a mapping with format, source, dialogue, …' }] };
  }
  const parsed = ReadoutSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        file,
        path: pathToString(i.path),
        line: lineOf(doc, counter, i.path),
        message: describeIssue(i),
      })),
    };
  }
  return { ok: true, readout: parsed.data };
}
