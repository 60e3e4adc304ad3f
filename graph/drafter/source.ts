// The document itself: its headline (a short first line that is not a dateline, a banner such as "MEDIA
// RELEASE", or an organisation), its publisher (the caller's, an organisation on a header line, or a news
// agency credited in the dateline or the last line), its kind and its date.
import { normalizeText } from '../normalize';
import type { FoundDate } from './dates';
import type { FoundOrg } from './orgs';
import type { Cited } from './people';
import type { ReadText, Span } from './text';

export type SourceKind = 'news' | 'readout' | 'press_release' | 'joint_statement';

export interface FoundSource {
  title?: Cited<string> | undefined;
  publisher?: Cited<string> | undefined;
  kind: Cited<SourceKind> | { value: SourceKind; confidence: number; span?: undefined };
}

interface Line extends Span {
  index: number;
}

function headerLines(doc: ReadText): Line[] {
  const out: Line[] = [];
  let offset = 0;
  for (const [index, raw] of doc.text.split('\n').entries()) {
    const start = offset + (raw.length - raw.trimStart().length);
    offset += raw.length + 1;
    const text = raw.trim();
    if (text === '') continue;
    out.push({ start, end: start + text.length, text, index });
    if (out.length >= 6) break;
  }
  return out;
}

const BANNER =
  /^(?:media release|press release|news release|for immediate release|statement|readout|joint statement)\b/i;

function isOrgLine(line: Line, orgs: FoundOrg[]): FoundOrg | undefined {
  const t = normalizeText(line.text.replace(/\s+[–—-]\s+.*$/, '').replace(/,.*$/, ''));
  return orgs.find((o) => normalizeText(o.name) === t || o.aliases.some((a) => normalizeText(a) === t));
}

/** A headline: the first header line of four or more words that is not a banner, dateline or body sentence. */
function headline(lines: Line[], orgs: FoundOrg[], dl: FoundDate | undefined): Line | undefined {
  return lines.find(
    (l) =>
      l.text.split(/\s+/).length >= 4 &&
      l.text.length <= 250 &&
      !/[.:]$/.test(l.text) &&
      !BANNER.test(l.text) &&
      !(dl && dl.span.start >= l.start && dl.span.start <= l.end) &&
      isOrgLine(l, orgs) === undefined,
  );
}

const AGENCY = /\((?:[A-Z][\w.&' -]{1,40})\)/;

/** The agency a wire dateline credits: "LISBON, May 9 (Lusonews Agency) –". It publishes the copy; it is not
 *  one of the bodies at the meeting. */
export function wireCredit(doc: ReadText): Span | undefined {
  const wire = AGENCY.exec(doc.text.slice(0, 400));
  if (wire === null || !/^[\p{Lu} .]+,/u.test(doc.text.slice(doc.text.lastIndexOf('\n', wire.index) + 1)))
    return undefined;
  const text = wire[0].slice(1, -1);
  return { start: wire.index + 1, end: wire.index + 1 + text.length, text };
}

function publisherOf(doc: ReadText, lines: Line[], orgs: FoundOrg[]): Cited<string> | undefined {
  for (const l of lines) {
    const org = isOrgLine(l, orgs);
    if (org) return { value: org.name, confidence: 0.7, span: l };
    const banner = /^(?:press|media|news) release\s*[–—-]\s*([^,]+)/i.exec(l.text);
    const named =
      banner?.[1] === undefined
        ? undefined
        : orgs.find((o) => normalizeText(o.name) === normalizeText(banner[1] ?? ''));
    if (named) return { value: named.name, confidence: 0.7, span: l };
  }
  const wire = wireCredit(doc);
  if (wire !== undefined) return { value: wire.text, confidence: 0.7, span: wire };
  // An agency credit alone on the last line ("ANI", "PTI", "Reuters").
  const tail = doc.text.trimEnd();
  const lastLine = tail.slice(tail.lastIndexOf('\n') + 1).trim();
  if (/^[A-Z][A-Za-z]{1,11}$/.test(lastLine) && lastLine.length <= 12) {
    const start = tail.length - lastLine.length;
    return { value: lastLine, confidence: 0.6, span: { start, end: tail.length, text: lastLine } };
  }
  return undefined;
}

export function findSource(doc: ReadText, orgs: FoundOrg[], dl: FoundDate | undefined): FoundSource {
  const lines = headerLines(doc);
  const head = headline(lines, orgs, dl);
  const publisher = publisherOf(doc, lines, orgs);
  const top = lines
    .slice(0, 4)
    .map((l) => l.text)
    .join(' ');
  const joint = /\bjoint statement\b/i.exec(head?.text ?? '');
  const release = /\b(?:press|media|news) release\b/i.exec(top);
  let kind: FoundSource['kind'] = { value: 'news', confidence: 0.4 };
  if (joint && head)
    kind = {
      value: 'joint_statement',
      confidence: 0.8,
      span: {
        start: head.start + joint.index,
        end: head.start + joint.index + joint[0].length,
        text: joint[0],
      },
    };
  else if (release)
    kind = {
      value: 'press_release',
      confidence: 0.8,
      span: {
        start: doc.text.indexOf(release[0]),
        end: doc.text.indexOf(release[0]) + release[0].length,
        text: release[0],
      },
    };
  else if (publisher && orgs.some((o) => o.name === publisher.value))
    kind = { value: 'press_release', confidence: 0.6, span: publisher.span };
  return { title: head && { value: head.text, confidence: 0.8, span: head }, publisher, kind };
}
