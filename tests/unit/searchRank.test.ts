// The ranking of search and autocomplete without a database: bands, tie-breaks, typo tolerance, and the
// benchmark's deterministic cases and namesake rule.
import type { EntityRow } from '../../graph/model';
import {
  compareRanked,
  editDistance,
  mergeRanked,
  nameScore,
  queryForms,
  rankNames,
  INITIALS_SCORE,
  textScore,
  wordMatch,
} from '../../graph/queries/searchRank';
import { queryInitials } from '../../graph/initials';
import { SpellingIndex } from '../../scripts/bench/searchSpellings';
import { fuzzyPrefixPattern, namePrefixQuery, nameSearchQuery } from '../../graph/queries/searchText';
import { acronym, oneTypo, rankOf, sampleEntities, searchCases } from '../../scripts/bench/searchCases';

const org = (id: string, name: string, aliases: string[] = []): EntityRow => ({
  __typename: 'Organization',
  id,
  name,
  aliases,
  kind: 'agency',
  countries: ['IN'],
});

describe('bands', () => {
  test('exact, then name prefix, then whole words, then prefixes or typos, then some words', () => {
    const q = 'national police academy';
    const scores = [
      nameScore(q, 'national police academy', false),
      nameScore(q, 'national police academy of india', false),
      nameScore(q, 'the academy of national police', false),
      nameScore(q, 'natonal police academies', false),
      nameScore(q, 'police training', false),
    ];
    expect(scores[0]).toBe(1);
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1] ?? 0);
    expect(nameScore(q, 'home office', false)).toBe(0);
  });

  test('the words of a query together and in order rank above the same words apart', () => {
    const together = nameScore('home affairs', 'ministry of home affairs', false);
    const apart = nameScore('home affairs', 'ministry of home and foreign affairs', false);
    expect(together).toBeGreaterThanOrEqual(0.7);
    expect(apart).toBeLessThan(0.7);
    expect(apart).toBeGreaterThanOrEqual(0.6);
  });

  test('initials found by the graph score right below exact, above any prefix', () => {
    const e = org('org:npa', 'National Police Academy');
    const q = queryForms('NPA');
    expect(rankNames(q, e, ['national police academy'], 'k')).toBeUndefined();
    expect(rankNames(q, e, ['national police academy'], 'k', ['national police academy'])).toMatchObject({
      score: INITIALS_SCORE,
      matchedOn: 'NAME',
      matched: 'National Police Academy',
    });
    expect(INITIALS_SCORE).toBeLessThan(1);
    expect(INITIALS_SCORE).toBeGreaterThan(nameScore('national police', 'national police academy', true));
  });

  test('what a query could be the initials of', () => {
    expect(queryInitials('mha')).toBe('mha');
    expect(queryInitials('m h a')).toBe('mha');
    expect(queryInitials('ho')).toBeNull();
    expect(queryInitials('home office')).toBeNull();
    expect(queryInitials('g20')).toBeNull();
  });

  test('document text always ranks below any name that matches at all', () => {
    expect(textScore('police', 'police police police')).toBeLessThan(0.1);
    expect(nameScore('police training academy', 'police', false)).toBeGreaterThanOrEqual(0.1);
  });

  test('mid-word prefixes count only while typing', () => {
    expect(nameScore('ind', 'india', true)).toBeGreaterThan(0.8);
    expect(nameScore('ind', 'india', false)).toBeLessThan(0.8);
  });

  test('typos: one edit for short words, two for long ones, a slip after letter three while typing', () => {
    expect(editDistance('canegalo', 'canegallo', 2)).toBe(1);
    expect(editDistance('natoinal', 'national', 2)).toBe(1);
    expect(wordMatch('canegalo', 'canegallo', true, false)).toBeGreaterThan(0);
    expect(wordMatch('acadm', 'academy', true, true)).toBeGreaterThan(0);
    expect(wordMatch('acdem', 'academy', true, true)).toBe(0);
    expect(wordMatch('xcad', 'academy', true, true)).toBe(0);
  });
});

describe('names, aliases and ties', () => {
  test('the best spelling wins and says what matched; people compare without honorifics', () => {
    const mha = rankNames(
      queryForms('M.H.A.'),
      org('org:in:mha', 'Ministry of Home Affairs', ['MHA']),
      [],
      'm',
    );
    expect(mha).toMatchObject({ score: 1, matchedOn: 'ALIAS', matched: 'MHA' });
    const person: EntityRow = {
      __typename: 'Person',
      id: 'person:a',
      name: 'Ajay Bhalla',
      aliases: [],
      country: 'IN',
    };
    expect(rankNames(queryForms('Shri Ajay Bhalla'), person, [], 'ajay bhalla')).toMatchObject({ score: 1 });
  });

  test('equal scores: name before alias, then sort key, then id; one entry per entity', () => {
    const a = rankNames(queryForms('npa'), org('org:b', 'NPA'), [], 'npa');
    const b = rankNames(queryForms('npa'), org('org:a', 'National Police Academy', ['NPA']), [], 'national');
    const c = rankNames(queryForms('npa'), org('org:c', 'NPA'), [], 'npa');
    if (!a || !b || !c) throw new Error('expected matches');
    expect(mergeRanked([b, c, a, { ...a, score: 0.5 }]).map((r) => r.entity.id)).toEqual([
      'org:b',
      'org:c',
      'org:a',
    ]);
    expect(compareRanked(a, a)).toBe(0);
  });
});

describe('Lucene queries', () => {
  test('type filters are a required clause inside the query', () => {
    expect(nameSearchQuery(['home'], ['Organization', 'DialogueSeries'])).toBe(
      '+label:(organization OR dialogueseries) +((norm:home^4 OR norm:home*^2 OR norm:home~1))',
    );
    expect(nameSearchQuery(['ab'], null)).toBe('+((norm:ab^4 OR norm:ab*^2))');
  });

  test('autocomplete needs every word, the last as a prefix that forgives one slip after letter three', () => {
    expect(namePrefixQuery(['aja'], null)).toBe('+(norm:aja^4 OR norm:aja*^3)');
    const pattern = fuzzyPrefixPattern('acadm');
    expect(pattern).toMatch(/^aca\(/);
    const re = new RegExp(`^${pattern ?? ''}$`);
    for (const term of ['academy', 'acadmy', 'academic']) expect(re.test(term)).toBe(true);
    expect(re.test('accord')).toBe(false);
    expect(fuzzyPrefixPattern('abc')).toBeUndefined();
  });
});

describe('benchmark cases', () => {
  const all = [
    { id: 'org:a', label: 'Organization', name: 'National Police Academy', aliases: ['NPA'] },
    { id: 'org:b', label: 'Organization', name: 'National Police Academy', aliases: [] },
    { id: 'person:c', label: 'Person', name: 'José Pérez', aliases: [] },
  ];

  test('the same graph gives the same sample and cases', () => {
    expect(sampleEntities(all, 2)).toEqual(sampleEntities([...all].reverse(), 2));
    expect(searchCases(all, all)).toEqual(searchCases(all, all));
    expect(oneTypo('National Police Academy', 7)).not.toBe('National Police Academy');
    // The typo stays inside one word of letters, after its third letter: dashes and numbers are left alone.
    for (let seed = 0; seed < 40; seed++) {
      const typo = oneTypo('17th Portugal–Italy Border Talks 2024', seed) ?? '';
      expect(typo).toMatch(/^17th Por\S*–Italy Border Talks 2024$/);
    }
    expect(acronym('Federal Law Enforcement Training Centers')).toBe('FLETC');
    const kinds = searchCases(all, all).map((c) => c.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['exact name', 'alias', 'acronym', 'no diacritics', 'honorific added']),
    );
  });

  test('an acronym or partial name also names what shares its initials or its words in order', () => {
    const world = [
      ...all,
      { id: 'org:d', label: 'Organization', name: 'National Prosecution Authority', aliases: [] },
      { id: 'org:e', label: 'Organization', name: 'Police Academy of the North', aliases: [] },
      { id: 'person:f', label: 'Person', name: 'Nina Paula Arce', aliases: [] },
    ];
    const index = new SpellingIndex(world);
    expect(index.withInitials('NPA').sort()).toEqual(['org:a', 'org:b', 'org:d']);
    expect(index.withPhrase('Police Academy').sort()).toEqual(['org:a', 'org:b', 'org:e']);
    expect(index.withPrefix('National P').sort()).toEqual(['org:a', 'org:b', 'org:d']);
    const cases = searchCases([world[0] as (typeof world)[number]], world);
    const acro = cases.find((c) => c.kind === 'acronym');
    expect([...(acro?.namesakes ?? [])].sort()).toEqual(['org:a', 'org:b', 'org:d']);
    expect([...(acro?.nameNamesakes ?? [])].sort()).toEqual(['org:a', 'org:b']);
  });

  test('namesakes above the target do not count against it; a page full of namesakes is a hit', () => {
    const c = { target: 'org:a', namesakes: new Set(['org:a', 'org:b']) };
    expect(rankOf(['org:b', 'org:a'], c, 10)).toBe(1);
    expect(rankOf(['org:x', 'org:a'], c, 10)).toBe(2);
    expect(rankOf(['org:b'], c, 1)).toBe(1);
    expect(rankOf(['org:x'], c, 1)).toBe(Infinity);
  });
});
