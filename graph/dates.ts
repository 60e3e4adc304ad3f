// Partial dates (yyyy, yyyy-mm, yyyy-mm-dd), as sources give them. Stored as given; compared through their bounds.
import { BadInputError } from './errors';

export const PARTIAL_DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidPartialDate(s: string): boolean {
  if (!PARTIAL_DATE_PATTERN.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  if (d === undefined || m === undefined || y === undefined) return true;
  return d <= daysInMonth(y, m);
}

/** Earliest day a partial date can mean: 2024 → 2024-01-01. */
export function lowerBound(s: string): string {
  const [y, m, d] = s.split('-');
  return `${y}-${m ?? '01'}-${d ?? '01'}`;
}

/** Latest day a partial date can mean: 2024-02 → 2024-02-29. */
export function upperBound(s: string): string {
  const [y, m, d] = s.split('-');
  const month = m ?? '12';
  return `${y}-${month}-${d ?? String(daysInMonth(Number(y), Number(month))).padStart(2, '0')}`;
}

/** True when `a` certainly ends before `b` begins (so "end before start" is a real contradiction). */
export function endsBefore(a: string, b: string): boolean {
  return upperBound(a) < lowerBound(b);
}

/** The days a partial date covers, as the inclusive bounds every `at`/`from`/`to` filter compares with. */
export function periodOf(s: string, arg = 'at'): { from: string; to: string } {
  if (!isValidPartialDate(s))
    throw new BadInputError(`${arg}: expected a real date as yyyy, yyyy-mm or yyyy-mm-dd`);
  return { from: lowerBound(s), to: upperBound(s) };
}
