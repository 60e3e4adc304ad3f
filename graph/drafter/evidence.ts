// The drafter's record of why each value is there: the text span it was read from, a confidence, and an optional
// remark (e.g. how a relative day was resolved); and the `# check:` notes for what it could not decide.
import { lineColumn, type ReadText, type Span } from './text';

export interface Evidence {
  path: string;
  value: string;
  text: string;
  start: number;
  end: number;
  line: number;
  column: number;
  confidence: number;
  /** Said in the YAML comment after the position, e.g. "relative day, counted back from the dateline". */
  remark?: string | undefined;
}

export interface Check {
  path: string;
  message: string;
}

export class DraftRecord {
  readonly evidence: Evidence[] = [];
  readonly checks: Check[] = [];
  constructor(private readonly doc: ReadText) {}

  cite(path: string, value: unknown, span: Span | undefined, confidence: number, remark?: string): void {
    if (span === undefined) return;
    const { line, column } = lineColumn(this.doc, span.start);
    const conf = Math.round(Math.min(1, Math.max(0, confidence)) * 100) / 100;
    this.evidence.push({
      path,
      value: String(value),
      text: span.text,
      start: span.start,
      end: span.end,
      line,
      column,
      confidence: conf,
      remark,
    });
  }

  check(path: string, message: string): void {
    this.checks.push({ path, message });
  }
}
