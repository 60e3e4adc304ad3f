// Minimal, correct XML text building: escaping, and removal of characters XML 1.0 forbids.

// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlEscape(s: string): string {
  return s
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function attrs(map: Record<string, string>): string {
  return Object.entries(map)
    .map(([k, v]) => ` ${k}="${xmlEscape(v)}"`)
    .join('');
}

/** XML 1.0 (fifth edition) name characters in the Basic Multilingual Plane: what an NMTOKEN may contain. */
const NAME_CHAR =
  /[A-Za-z0-9._:\-\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C-\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]/;

export function isNmtoken(s: string): boolean {
  return s.length > 0 && [...s].every((c) => NAME_CHAR.test(c));
}

/** The nearest NMTOKEN: every other character becomes "_". */
export function toNmtoken(s: string): string {
  const t = [...s].map((c) => (NAME_CHAR.test(c) ? c : '_')).join('');
  return t === '' ? '_' : t;
}
