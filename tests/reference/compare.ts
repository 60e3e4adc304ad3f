// Comparing the API's answer with the reference's: `data` must be deep-equal and the errors must carry the same
// codes. Paths of errors are reported but not compared: once an error nulls a whole response (or a parent), which
// of the other pending fields still get to report theirs depends on timing, in either implementation.
import { isProps } from './decode';
import type { Answer, ErrorSummary } from './execute';

export interface ApiAnswer {
  data: unknown;
  errors: ErrorSummary[];
}

/**
 * Equality of JSON values. Not util.isDeepStrictEqual: the API's answer is parsed outside jest's sandbox, so its
 * objects have another Object.prototype than the reference's.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]))
    );
  }
  if (isProps(a) || isProps(b)) {
    if (!isProps(a) || !isProps(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameJson(a[k], b[k]));
  }
  return a === b;
}

const codes = (errors: ErrorSummary[]) => [...new Set(errors.map((e) => e.code))].sort();

/** The first place where two JSON values differ, as a path and both values; null when equal. */
export function firstDifference(
  a: unknown,
  b: unknown,
  path = '',
): { path: string; a: unknown; b: unknown } | null {
  if (sameJson(a, b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
      const d = firstDifference(a[i], b[i], `${path}.${i}`);
      if (d !== null) return d;
    }
  } else if (isProps(a) && isProps(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(a[k], b[k], `${path}.${k}`);
      if (d !== null) return d;
    }
  }
  return { path: path || '(data)', a, b };
}

/** The innermost list on `path` when it holds the same items in both answers, only in another order. */
function reordered(api: unknown, ref: unknown, path: string): string | null {
  let a = api;
  let b = ref;
  let found: string | null = null;
  const walked: string[] = [];
  for (const step of path.split('.').filter((s) => s !== '')) {
    if (Array.isArray(a) && Array.isArray(b)) {
      const key = (v: unknown) => JSON.stringify(v);
      if (a.length === b.length && sameJson(a.map(key).sort(), b.map(key).sort())) found = walked.join('.');
      a = a[Number(step)];
      b = b[Number(step)];
    } else if (isProps(a) && isProps(b)) {
      a = a[step];
      b = b[step];
    } else {
      break;
    }
    walked.push(step);
  }
  return found;
}

const show = (v: unknown) => {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > 400 ? `${s.slice(0, 400)}…` : s;
};

/** Null when the answers agree; otherwise what differs, for the failure message. */
export function disagreement(api: ApiAnswer, ref: Answer): string | null {
  const problems: string[] = [];
  const d = firstDifference(api.data, ref.data);
  if (d !== null) {
    const list = reordered(api.data, ref.data, d.path);
    problems.push(
      `data differs at ${d.path}: API ${show(d.a)}, reference ${show(d.b)}` +
        (list === null ? '' : ` (the list at ${list || '(data)'} holds the same items in another order)`),
    );
  }
  const [apiCodes, refCodes] = [codes(api.errors), codes(ref.errors)];
  // With the whole response nulled, only some of several errors may be reported: one shared code is enough.
  const nulled = api.data === null && ref.data === null && apiCodes.length > 0 && refCodes.length > 0;
  const agree = nulled ? apiCodes.some((c) => refCodes.includes(c)) : sameJson(apiCodes, refCodes);
  if (!agree) {
    const list = (errors: ErrorSummary[]) =>
      errors
        .map((e) => `${e.code} at ${e.path || '(request)'}${e.message ? `: ${e.message}` : ''}`)
        .join('; ');
    problems.push(`error codes differ: API [${list(api.errors)}], reference [${list(ref.errors)}]`);
  }
  return problems.length === 0 ? null : problems.join('\n');
}
