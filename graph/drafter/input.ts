// What the drafter accepts: plain text or HTML of one release, checked before any reading. HTML is reduced to
// its text (tags dropped, block ends as line breaks, entities decoded), so offsets refer to that text.
import { BadInputError } from '../errors';

/** A press release is a few kilobytes; anything far larger is not one (and would slow the reader). */
export const MAX_DRAFT_CHARS = 200_000;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  hellip: '…',
  szlig: 'ß',
  oslash: 'ø',
  Oslash: 'Ø',
  aelig: 'æ',
  AElig: 'Æ',
  copy: '©',
  reg: '®',
  euro: '€',
};

/** Accented letters by their HTML names ("&uuml;", "&Eacute;", "&ccedil;"): the letter and a combining mark. */
const MARKS: Record<string, string> = {
  uml: '\u0308',
  acute: '\u0301',
  grave: '\u0300',
  circ: '\u0302',
  tilde: '\u0303',
  ring: '\u030a',
  cedil: '\u0327',
  caron: '\u030c',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    const accent = /^([a-z])(uml|acute|grave|circ|tilde|ring|cedil|caron)$/i.exec(e);
    const mark = accent?.[2] === undefined ? undefined : MARKS[accent[2]];
    if (accent?.[1] !== undefined && mark !== undefined) return `${accent[1]}${mark}`.normalize('NFC');
    return NAMED_ENTITIES[e] ?? NAMED_ENTITIES[e.toLowerCase()] ?? whole;
  });
}

const looksLikeHtml = (s: string) => /<(html|body|p|div|h[1-6]|br|article|span)\b[^>]*>/i.test(s);

/** The readable text of an HTML page: scripts and styles dropped, paragraphs and breaks kept as new lines. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|noscript|head)\b[\s\S]*?<\/\1>/gi, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(br|\/p|\/div|\/h[1-6]|\/li|\/tr|\/article|\/section)\b[^>]*>/gi, '\n')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n');
}

/** The text to draft from, or BadInputError saying what is wrong with it. */
export function releaseText(raw: string): string {
  if (raw.length > MAX_DRAFT_CHARS) {
    throw new BadInputError(
      `The text is ${raw.length} characters long; a press release to draft from may have at most ${MAX_DRAFT_CHARS}.`,
    );
  }
  // NUL bytes, many control characters or replacement characters: a binary file, not text.
  let control = 0;
  for (const ch of raw) {
    const c = ch.charCodeAt(0);
    if (c < 9 || (c > 13 && c < 32) || c === 0xfffd) control++;
  }
  if (raw.includes('\u0000') || control > Math.max(2, raw.length / 100)) {
    throw new BadInputError(
      'The input looks binary (control bytes); give the plain text or HTML of a release.',
    );
  }
  const text = (looksLikeHtml(raw) ? htmlToText(raw) : raw).replace(/\r\n?/g, '\n');
  if (text.trim() === '')
    throw new BadInputError('The text is empty; give the plain text or HTML of a release.');
  return text;
}
