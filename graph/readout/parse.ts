// Turns readout text (YAML or JSON) into a schema-checked Readout, or a list of issues naming file, path and line.
// It also returns the line of every path in the document, so that later passes can point at the text too.
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { ReadoutIssue } from '../errors';
import { DATE_HINT, READOUT_FIELDS, ReadoutSchema, type Readout } from './schema';
import { didYouMean } from './suggest';
import { pathLines } from './yamlPaths';

export type ReadoutFormat = 'yaml' | 'json';

/** Guard against pathological inputs before parsing: a readout is a few kilobytes. */
export const MAX_READOUT_BYTES = 1024 * 1024;

/** Line of each path in the document (`people[1].role`; '' is the document itself). */
export type LineMap = Pick<ReadonlyMap<string, number>, 'get'>;

export type ParseResult =
  { ok: true; readout: Readout; lines: LineMap } | { ok: false; issues: ReadoutIssue[] };

/** `people[1].role` from ['people', 1, 'role']. */
export function pathToString(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

const LAST_SEGMENT = /(\.[^.[\]]+|\[\d+\])$/;

/** The line of `path`, or of its nearest ancestor in the document: a missing field points at its parent. */
export function lineAt(lines: LineMap, path: string): number | undefined {
  for (let p = path; ;) {
    const line = lines.get(p);
    if (line !== undefined) return line;
    if (p === '') return undefined;
    const up = p.replace(LAST_SEGMENT, '');
    p = up === p ? '' : up;
  }
}

/** The line map of a JSON text, built on first use. JSON that YAML does not accept gets no lines, only paths. */
function lazyLines(text: string): LineMap {
  let lines: Map<string, number> | undefined;
  return {
    get(path: string) {
      if (lines === undefined) {
        const counter = new LineCounter();
        const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
        lines = doc.errors.length === 0 ? pathLines(doc, counter) : new Map<string, number>();
      }
      return lines.get(path);
    },
  };
}

/**
 * The first key named twice in one object of a valid JSON text, with its line. A single pass over the text:
 * strings are skipped whole (they hold no raw newlines in valid JSON), keys compared after unescaping.
 */
export function duplicateJsonKey(text: string): { key: string; line: number } | undefined {
  const objects: (Set<string> | null)[] = [];
  let expectKey = false;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 34) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
      const keys = objects[objects.length - 1];
      if (expectKey && keys) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (keys.has(key)) return { key, line };
        keys.add(key);
        expectKey = false;
      }
      i = j;
    } else if (c === 123) {
      objects.push(new Set());
      expectKey = true;
    } else if (c === 91) objects.push(null);
    else if (c === 125 || c === 93) objects.pop();
    else if (c === 44) expectKey = objects[objects.length - 1] != null;
  }
  return undefined;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let at = raw;
  for (const p of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[p];
  }
  return at;
}

const TYPE_WORDS: Record<string, string> = {
  array: 'a list',
  object: 'a mapping',
  number: 'a number',
  string: 'text',
};

const show = (v: unknown) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

/** A union error where exactly one branch got past the type check is really that branch's error. */
function flatten(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const plausible = issue.errors.filter(
    (branch) => !branch.every((i) => i.code === 'invalid_type' && i.path.length === 0),
  );
  const only = plausible.length === 1 ? plausible[0] : undefined;
  if (only === undefined) return [issue];
  return only.flatMap((i) => flatten({ ...i, path: [...issue.path, ...i.path] }));
}

/** One zod issue as readout issues: plain words, the offending value, the allowed values, a likely fix. */
function describe(issue: z.core.$ZodIssue, raw: unknown): { path: PropertyKey[]; message: string }[] {
  const path = [...issue.path];
  if (issue.code === 'unrecognized_keys') {
    const allowed = READOUT_FIELDS[typeof path[0] === 'string' ? path[0] : ''] ?? [];
    return issue.keys.map((key) => {
      const hint = didYouMean(key, allowed);
      return {
        path: [...path, key],
        message: `unknown field "${key}"${hint || `; allowed fields: ${allowed.join(', ')}`}`,
      };
    });
  }
  const value = valueAt(raw, path);
  const allowed = issue.code === 'invalid_value' ? issue.values.map(String) : [];
  if (value === undefined) {
    const expected =
      allowed.length > 1
        ? `; expected one of ${allowed.join(', ')}`
        : allowed.length === 1
          ? `; expected "${allowed[0]}"`
          : '';
    return [{ path, message: `required${expected}` }];
  }
  if (issue.code === 'invalid_value' && allowed.length > 1) {
    return [
      {
        path,
        message: `${show(value)} is not allowed; expected one of ${allowed.join(', ')}${typeof value === 'string' ? didYouMean(value, allowed) : ''}`,
      },
    ];
  }
  if (issue.code === 'invalid_value')
    return [{ path, message: `expected "${allowed.join('')}", got ${show(value)}` }];
  if (issue.message === DATE_HINT) {
    // A yyyy-mm(-dd) shape with an impossible month or day: say so rather than repeat the format.
    const calendar = typeof value === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(value);
    return [
      {
        path,
        message: calendar ? `${value} is not a real calendar date` : `${DATE_HINT}, got ${show(value)}`,
      },
    ];
  }
  if (issue.code === 'invalid_type') {
    const custom = !issue.message.startsWith('Invalid input');
    const expected = custom ? issue.message : `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    return [{ path, message: `${expected}, got ${show(value)}` }];
  }
  return [{ path, message: issue.message }];
}

function syntaxIssue(
  file: string,
  fmt: ReadoutFormat,
  message: string,
  line?: number,
  col?: number,
): ReadoutIssue {
  // formatIssue shows a line only next to a path, so the position is also part of the message.
  const at = line === undefined ? '' : ` at line ${line}${col === undefined ? '' : `, column ${col}`}`;
  return { file, path: '', line, message: `malformed ${fmt.toUpperCase()}${at}: ${message}` };
}

function parseJson(
  text: string,
  file: string,
): { ok: true; raw: unknown } | { ok: false; issue: ReadoutIssue } {
  try {
    return { ok: true, raw: JSON.parse(text) as unknown };
  } catch (e) {
    const message = (e as Error).message;
    const pos = /at position (\d+)/.exec(message)?.[1];
    const offset = pos === undefined ? (/end of JSON/.test(message) ? text.length : undefined) : Number(pos);
    const before = offset === undefined ? undefined : text.slice(0, offset).split('\n');
    const line = before?.length;
    const col = before === undefined ? undefined : (before[before.length - 1]?.length ?? 0) + 1;
    return {
      ok: false,
      issue: syntaxIssue(file, 'json', message.replace(/ in JSON at position.*$/, ''), line, col),
    };
  }
}

export function parseReadout(text: string, file: string, format?: ReadoutFormat): ParseResult {
  if (Buffer.byteLength(text, 'utf8') > MAX_READOUT_BYTES) {
    return {
      ok: false,
      issues: [{ file, path: '', message: `file is larger than ${MAX_READOUT_BYTES} bytes` }],
    };
  }
  const fmt = format ?? (/\.json$/i.test(file) ? 'json' : 'yaml');
  let raw: unknown;
  let lines: LineMap;
  if (fmt === 'json') {
    const json = parseJson(text, file);
    if (!json.ok) return { ok: false, issues: [json.issue] };
    raw = json.raw;
    // JSON.parse keeps the last of two equal keys without a word: refuse them, as the YAML parser does.
    const dup = duplicateJsonKey(text);
    if (dup)
      return {
        ok: false,
        issues: [syntaxIssue(file, fmt, `the key "${dup.key}" appears twice in one object`, dup.line)],
      };
    // Lines are only needed to report a problem: the YAML parser (JSON is nearly YAML 1.2) finds them on demand.
    lines = lazyLines(text);
  } else {
    const counter = new LineCounter();
    const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: true });
    // Only the first syntax error: the ones after it are usually its echoes.
    const first = doc.errors[0];
    if (first) {
      const message = (first.message.split('\n')[0] ?? first.code).replace(/ at line \d+, column \d+:?$/, '');
      return {
        ok: false,
        issues: [syntaxIssue(file, fmt, message, first.linePos?.[0]?.line, first.linePos?.[0]?.col)],
      };
    }
    try {
      raw = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      return { ok: false, issues: [syntaxIssue(file, fmt, (e as Error).message)] };
    }
    lines = pathLines(doc, counter);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    const what = raw === null || raw === undefined ? 'the file is empty' : 'the file is not a mapping';
    return {
      ok: false,
      issues: [{ file, path: '', message: `${what}; a readout starts with format: readout/v1` }],
    };
  }
  const parsed = ReadoutSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.flatMap(flatten).flatMap((issue) =>
        describe(issue, raw).map(({ path, message }) => {
          const p = pathToString(path);
          return { file, path: p, line: lineAt(lines, p), message };
        }),
      ),
    };
  }
  return { ok: true, readout: parsed.data, lines };
}
