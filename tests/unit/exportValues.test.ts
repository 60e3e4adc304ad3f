// How export attribute values and XML names are written (no database): XML Schema spellings of non-finite
// doubles, dates as ISO text, lists as JSON, and NMTOKEN checks for GraphML ids and attribute names.
import neo4j from 'neo4j-driver';
import { attrValue, collectAttrs } from '../../graph/export/attributes';
import { isNmtoken, toNmtoken } from '../../graph/export/xml';

test('values: numbers as xs:double, dates as ISO text, lists and objects as JSON', () => {
  expect([Infinity, -Infinity, NaN, 1.5, -0.125, 42].map(attrValue)).toEqual([
    'INF',
    '-INF',
    'NaN',
    '1.5',
    '-0.125',
    '42',
  ]);
  expect(attrValue(new Date(Date.UTC(2024, 5, 3)))).toBe('2024-06-03T00:00:00.000Z');
  expect(attrValue(new neo4j.types.Date(2024, 6, 3))).toBe('2024-06-03');
  expect(attrValue(['a', new neo4j.types.Date(2024, 6, 3)])).toBe('["a","2024-06-03"]');
  expect([attrValue(''), attrValue([]), attrValue(true)]).toEqual(['', '[]', 'true']);
});

test('attribute types: a key seen with two kinds falls back to string; empty values declare nothing', () => {
  expect(collectAttrs([{ a: 1, b: null }, { a: 'x', c: true }, { d: undefined }])).toEqual([
    { name: 'a', type: 'string' },
    { name: 'c', type: 'boolean' },
  ]);
});

test('NMTOKENs: letters of any script, digits and ._:- pass; anything else is replaced', () => {
  expect(['person:ajay-bhalla', 'ключ', '北京', '1x', 'a.b_c'].every(isNmtoken)).toBe(true);
  expect(['', 'a b', 'a<b', '🛡️', 'ª'].some(isNmtoken)).toBe(false);
  expect(toNmtoken('key with spaces & <specials>')).toBe('key_with_spaces____specials_');
  expect(toNmtoken('')).toBe('_');
});
