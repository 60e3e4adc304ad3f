// Dates in a release, read with chrono: the dateline (the release's own date), the meeting's days (single days,
// ranges such as "February 27 to February 29" or "27–29 February 2024", and relative days such as "on Friday",
// resolved against the dateline or the date given by the caller), and the signing dates of agreements.
import * as chrono from 'chrono-node';
import type { ReadText, Sentence, Span } from './text';

export interface FoundDate {
  /** yyyy, yyyy-mm or yyyy-mm-dd, only as precise as the text says. */
  start: string;
  end?: string | undefined;
  span: Span;
  /** True when the day was worked out from a weekday ("on Friday") against the reference date. */
  relative: boolean;
  /** False when chrono took the year from the reference date. */
  yearStated: boolean;
  confidence: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A chrono component as a partial date, as precise as the text (the year may come from the reference date). */
function partial(c: chrono.ParsedComponents): string {
  const y = c.get('year');
  const m = c.get('month');
  const d = c.get('day');
  if (y === null) return '';
  if (!c.isCertain('month') && !c.isCertain('weekday')) return String(y);
  if (m === null) return String(y);
  if (!c.isCertain('day') && !c.isCertain('weekday')) return `${y}-${pad(m)}`;
  return d === null ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`;
}

const LONE_DAY = /\b(\d{1,2})\s*(?:and|to|-|–|—)\s*$/;
const RANGE_JOIN = /^\s*(to|until|till|through|thru|and|-|–|—)\s*$/i;

/** Every date in one stretch of text, with ranges joined ("February 27 to February 29"). */
export function datesIn(text: string, offset: number, ref: Date): FoundDate[] {
  const results = chrono.parse(text, { instant: ref, timezone: 0 }, { forwardDate: false });
  const found: FoundDate[] = [];
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    if (r === undefined) continue;
    // chrono leaves `end` null (not undefined) when a result is a single day.
    let end = r.end ?? undefined;
    let endIndex = r.index + r.text.length;
    const next = results[i + 1];
    const joined =
      end === undefined && next !== undefined && RANGE_JOIN.test(text.slice(endIndex, next.index));
    if (joined) {
      end = next.start;
      endIndex = next.index + next.text.length;
      i++;
    }
    // "14 and 15 April 2026": chrono reads only the second day; the bare day before it starts the range.
    const lone = end === undefined && r.start.isCertain('day') ? LONE_DAY.exec(text.slice(0, r.index)) : null;
    const loneDay = Number(lone?.[1] ?? 0);
    const paired = lone !== null && loneDay > 0 && loneDay < (r.start.get('day') ?? 0);
    const start = paired ? `${partial(r.start).slice(0, 8)}${pad(loneDay)}` : partial(r.start);
    // "after three days" and bare times are not dates of the meeting.
    const placed = ['month', 'weekday', 'year'].some((c) => r.start.isCertain(c as chrono.Component));
    if (start === '' || !placed || /\b(days?|weeks?|months?|years?|ago|later)\b/i.test(r.text)) continue;
    const relative = r.start.isCertain('weekday') && !r.start.isCertain('day');
    const lead = r.text.match(/^(on|from|since|at)\s+/i)?.[0].length ?? 0;
    const trail = r.text.length - r.text.replace(/[\s,.;]+$/, '').length;
    const s = offset + (paired && lone ? lone.index : r.index + lead);
    const e = offset + endIndex - (joined ? 0 : trail);
    found.push({
      start,
      end: end ? partial(end) : paired ? partial(r.start) : undefined,
      span: { start: s, end: e, text: text.slice(s - offset, e - offset) },
      relative,
      yearStated: r.start.isCertain('year'),
      confidence: relative ? 0.7 : r.start.isCertain('year') ? 0.9 : 0.8,
    });
  }
  return found;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The release's own date: a date alone (or nearly) on one of its first lines, e.g. "13 March 2025" or
 *  "LISBON, May 9 (…)" or "SONGKHLA, Thailand, Feb 12 —"; callers use it as the publication date only when it gives the year. */
export function dateline(doc: ReadText): FoundDate | undefined {
  const lines = doc.text.split('\n');
  let offset = 0;
  let seen = 0;
  for (const line of lines) {
    const lineStart = offset;
    offset += line.length + 1;
    if (line.trim() === '') continue;
    if (++seen > 6) break;
    const d = datesIn(line, lineStart, new Date(Date.UTC(2000, 0, 1)))[0];
    // A dateline is short, or starts a paragraph as "City, 28 February 2026 –"; the date must be complete.
    const lead = d === undefined ? '' : line.slice(0, d.span.start - lineStart);
    const placed = d !== undefined && (line.trim().length < 60 || lead.length < 40);
    if (
      d !== undefined &&
      placed &&
      (d.yearStated || /^\s*\p{Lu}[\p{L} .]+,(?:\s*\p{Lu}[\p{L} .]+,)?\s*$/u.test(lead))
    ) {
      return { ...d, confidence: 0.9 };
    }
  }
  return undefined;
}

/** What year-less and relative dates are read against; `exact` when it is a day (relative days need one). */
export interface Reference {
  date: Date;
  exact: boolean;
}

/** The release's date (dateline or caller's) when known to the day, else the latest year the text names. */
export function referenceDate(doc: ReadText, published: string | undefined): Reference | undefined {
  if (published !== undefined && ISO_DAY.test(published)) {
    const [y, m, d] = published.split('-').map(Number);
    return { date: new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, d ?? 1, 12)), exact: true };
  }
  const years = [...doc.text.matchAll(/\b(19|20)\d{2}\b/g)].map((m) => Number(m[0]));
  if (published !== undefined) years.push(Number(published.slice(0, 4)));
  return years.length > 0
    ? { date: new Date(Date.UTC(Math.max(...years), 11, 31, 12)), exact: false }
    : undefined;
}

/** Dates in one sentence against the reference: without a year for them, year-less dates are left out, and
 *  relative days are only resolved against a known day. */
export function sentenceDates(s: Sentence, ref: Reference | undefined): FoundDate[] {
  const found = datesIn(s.text, s.start, ref?.date ?? new Date(Date.UTC(2000, 0, 1)));
  return found.filter((d) => (ref === undefined ? d.yearStated : !d.relative || ref.exact));
}
