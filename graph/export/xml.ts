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
