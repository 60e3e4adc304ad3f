// Search as an analyst types it, over real HTTP on the seed graph: exact names and aliases first (every entity,
// every alias), why each hit matched, type filters, autocomplete, and name lookup agreeing with search.
import type { GraphExecutor } from '../../graph/executor';
import { migrate } from '../../graph/migrations';
import { ENTITY_LABELS } from '../../graph/model';
import { normalizePersonName, normalizeText } from '../../graph/normalize';
import { useSeededServer, type GqlResponse, type TestServer } from '../helpers/api';

let executor: GraphExecutor;
let server: TestServer;

useSeededServer((e, s) => {
  executor = e;
  server = s;
});

interface Hit {
  score: number;
  matchedOn: 'NAME' | 'ALIAS' | 'TEXT';
  matched: string;
  node: { __typename: string; id: string };
}

const FIELDS = 'score matchedOn matched node { __typename id }';
const SEARCH = `query ($text: String!, $types: [EntityType!], $first: Int) {
  search(text: $text, types: $types, first: $first) { ${FIELDS} }
}`;
const AUTOCOMPLETE = `query ($text: String!, $types: [EntityType!], $first: Int) {
  autocomplete(text: $text, types: $types, first: $first) { ${FIELDS} }
}`;

function ok<T>(res: GqlResponse<T>): T {
  expect(res.errors).toBeUndefined();
  return res.data as T;
}
const search = async (text: string, vars: Record<string, unknown> = {}) =>
  ok(await server.gql<{ search: Hit[] }>(SEARCH, { text, ...vars })).search;
const autocomplete = async (text: string, vars: Record<string, unknown> = {}) =>
  ok(await server.gql<{ autocomplete: Hit[] }>(AUTOCOMPLETE, { text, ...vars })).autocomplete;
const ids = (hits: Hit[]) => hits.map((h) => h.node.id);

const UK_DIALOGUE = 'dialogue:6th-india-uk-home-affairs-dialogue';
const UK_SERIES = 'series:india-uk-home-affairs-dialogue';
const NPA = 'org:in:national-police-academy';
const FLETC = 'org:us:federal-law-enforcement-training-centers';

describe('the cases that ranked wrong before', () => {
  test('a dialogue by its exact name comes first, ahead of documents and other dialogues', async () => {
    const hits = await search('6th India-UK Home Affairs Dialogue');
    expect(hits[0]).toMatchObject({ node: { id: UK_DIALOGUE }, matchedOn: 'NAME', score: 1 });
    expect(hits[0]?.matched).toBe('6th India–UK Home Affairs Dialogue');
  });

  test('the series by its exact name first, its edition right after (every word of the name)', async () => {
    expect(ids(await search('India-UK Home Affairs Dialogue')).slice(0, 2)).toEqual([UK_SERIES, UK_DIALOGUE]);
  });

  test('institutions by exact name rank above themes that share words', async () => {
    expect((await search('National Police Academy'))[0]?.node.id).toBe(NPA);
    expect((await search('Federal Law Enforcement Training Centers'))[0]?.node.id).toBe(FLETC);
  });

  test('a theme by its exact name or alias comes first', async () => {
    const extremism = await search('extremism');
    expect(extremism[0]).toMatchObject({ node: { id: 'theme:extremism' }, matchedOn: 'NAME' });
    expect(ids(extremism)).toContain('theme:separatist-extremism');
    const cyber = await search('cyber security');
    expect(cyber[0]).toMatchObject({
      node: { id: 'theme:cybersecurity' },
      matchedOn: 'ALIAS',
      matched: 'cyber security',
    });
  });
});

describe('every entity of the seed graph, by exact name and by each alias', () => {
  test('comes first, or behind namesakes only', async () => {
    const rows = await executor.read(
      // Entities only: bookkeeping nodes may have a name too (the history's counter is named `changes`).
      `MATCH (n) WHERE n.name IS NOT NULL AND any(l IN labels(n) WHERE l IN $labels)
       RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, coalesce(n.aliases, []) AS aliases`,
      { labels: ENTITY_LABELS.filter((l) => l !== 'Source') },
    );
    // Who else answers to a spelling (any type): they may share first place.
    const named = new Map<string, Set<string>>();
    const norms = (s: string) => [normalizeText(s), normalizePersonName(s)];
    for (const r of rows) {
      for (const s of [String(r.name), ...(r.aliases as string[])]) {
        for (const n of norms(s)) named.set(n, (named.get(n) ?? new Set()).add(String(r.id)));
      }
    }
    const misses: string[] = [];
    let asked = 0;
    for (const r of rows) {
      for (const text of [String(r.name), ...(r.aliases as string[])]) {
        asked += 1;
        const namesakes = new Set(norms(text).flatMap((n) => [...(named.get(n) ?? [])]));
        const hits = await search(text, { first: Math.max(10, namesakes.size + 1) });
        const top = hits.slice(0, namesakes.size).map((h) => h.node.id);
        if (!top.includes(String(r.id)) || top.some((id) => !namesakes.has(id)))
          misses.push(`${text} → ${top[0]}`);
        if (!hits.slice(0, namesakes.size).every((h) => h.score === 1))
          misses.push(`${text}: not scored as exact`);
      }
    }
    expect(asked).toBeGreaterThan(400);
    expect(misses).toEqual([]);
  });
});

describe('why a hit matched, and its score', () => {
  test('an alias says so and gives the alias; document text ranks below every name match', async () => {
    const mha = await search('MHA');
    expect(mha[0]).toMatchObject({
      node: { id: 'org:in:ministry-of-home-affairs' },
      matchedOn: 'ALIAS',
      matched: 'MHA',
    });
    const hits = await search('National Police Academy', { first: 20 });
    const firstText = hits.findIndex((h) => h.matchedOn === 'TEXT');
    expect(firstText).toBeGreaterThan(0);
    expect(hits.slice(firstText).every((h) => h.matchedOn === 'TEXT')).toBe(true);
    expect(hits.every((h) => h.score > 0 && h.score <= 1)).toBe(true);
    expect(hits.filter((h) => h.matchedOn === 'TEXT').every((h) => h.score < 0.1)).toBe(true);
  });

  test('honorifics, case and accents do not matter for an exact name', async () => {
    for (const text of ['Shri Ajay Bhalla', 'AJAY BHALLA', 'Ájay Bhállá']) {
      expect((await search(text))[0]).toMatchObject({
        node: { id: 'person:ajay-bhalla' },
        score: 1,
        matchedOn: 'NAME',
      });
    }
  });

  test('the same search gives the same order, ties broken by sort key then id', async () => {
    const a = await search('security', { first: 30 });
    expect(await search('security', { first: 30 })).toEqual(a);
    const scores = a.map((h) => h.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
  });
});

describe('acronyms no readout stated, and partial names', () => {
  test('initials of a name of three or more words rank right below an exact name or alias', async () => {
    const npa = await search('NPA');
    expect(npa[0]).toMatchObject({
      node: { id: NPA },
      matchedOn: 'NAME',
      matched: 'National Police Academy',
      score: 0.97,
    });
    expect((await search('n.p.a.'))[0]?.node.id).toBe(NPA);
    // A stated alias still wins: DHS is one, so it scores as exact.
    expect((await search('DHS'))[0]).toMatchObject({ matchedOn: 'ALIAS', score: 1 });
    // People have no initials: nobody is found as "AB".
    const ab = await search('KCA', { types: ['PERSON'] });
    expect(ab.every((h) => h.score < 0.97)).toBe(true);
  });

  test('every stored initials equal the first letters of the significant words of the name', async () => {
    const rows = await executor.read(
      `MATCH (n:Name) RETURN n.norm AS norm, n.label AS label, n.initials AS initials`,
    );
    const minor = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'to', 'a', 'an']);
    const wrong = rows.filter((r) => {
      const words = String(r.norm)
        .split(' ')
        .filter((w) => !minor.has(w) && /^\p{L}/u.test(w));
      const want = r.label !== 'Person' && words.length >= 3 ? words.map((w) => w[0]).join('') : null;
      return (r.initials ?? null) !== want;
    });
    expect(rows.filter((r) => r.initials === 'npa').length).toBe(1);
    expect(wrong).toEqual([]);
  });

  test('migration 6 gives initials to names loaded before it', async () => {
    await executor.write(`MATCH (n:Name) REMOVE n.initials`);
    await executor.write(`MATCH (m:SchemaMigration {version: 6}) DELETE m`);
    expect((await search('NPA'))[0]?.score ?? 0).toBeLessThan(0.97);
    expect(await migrate(executor)).toEqual([6]);
    expect((await search('NPA'))[0]).toMatchObject({ node: { id: NPA }, score: 0.97 });
  });

  test('the words of a name together and in order rank above the same words apart', async () => {
    const hits = await search('Home Affairs', { first: 20 });
    const names = hits.filter((h) => h.matchedOn !== 'TEXT');
    const together = names.filter((h) => /home affairs/i.test(h.matched.replace(/[–-]/g, ' ')));
    expect(together.length).toBeGreaterThanOrEqual(2);
    const lastTogether = Math.max(...together.map((h) => hits.indexOf(h)));
    const apart = hits.findIndex((h) => names.includes(h) && !together.includes(h));
    expect(apart === -1 || apart > lastTogether).toBe(true);
  });
});

describe('type filters', () => {
  test('a rare type among the hits still fills its page, and only that type comes back', async () => {
    const series = await search('home affairs', { types: ['DIALOGUE_SERIES'] });
    expect(series[0]?.node.id).toBe(UK_SERIES);
    expect(series.every((h) => h.node.__typename === 'DialogueSeries')).toBe(true);
    const themes = await search('police', { types: ['THEME'] });
    expect(themes.length).toBeGreaterThanOrEqual(3);
    expect(themes.every((h) => h.node.__typename === 'Theme')).toBe(true);
    expect(ids(themes)).toContain('theme:police-training');
    expect(await search('police', { types: ['THEME'], first: 2 })).toEqual(themes.slice(0, 2));
    const docs = await search('homeland security dialogue', { types: ['SOURCE'] });
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.every((h) => h.node.__typename === 'Source' && h.matchedOn === 'TEXT')).toBe(true);
  });
});

describe('autocomplete', () => {
  test('a prefix of a name finds it, from the third letter on, one slip tolerated', async () => {
    expect((await autocomplete('Aja'))[0]?.node.id).toBe('person:ajay-bhalla');
    expect((await autocomplete('kristie cane'))[0]?.node.id).toBe('person:kristie-canegallo');
    expect((await autocomplete('natoinal pol'))[0]?.node.id).toBe(NPA);
    expect((await autocomplete('Home Of'))[0]?.node.id).toBe('org:gb:home-office');
  });

  test('names and aliases only, types respected, the exact name first', async () => {
    const hits = await autocomplete('homeland', { first: 20 });
    expect(hits.length).toBeGreaterThan(1);
    expect(hits.every((h) => h.matchedOn !== 'TEXT')).toBe(true);
    const orgs = await autocomplete('home', { types: ['ORGANIZATION'] });
    expect(orgs.every((h) => h.node.__typename === 'Organization')).toBe(true);
    expect((await autocomplete('FLETC'))[0]).toMatchObject({
      node: { id: FLETC },
      matchedOn: 'ALIAS',
      score: 1,
    });
  });

  test('bad input is refused with the argument named', async () => {
    const res = await server.gql(AUTOCOMPLETE, { text: '  ' });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/^text:/);
  });
});

describe('name lookup shares the ranking', () => {
  test('person(name:) and organization(name:) resolve what search ranks first', async () => {
    for (const [field, type, name] of [
      ['person', 'PERSON', 'Dr Kristie Canegallo'],
      ['organization', 'ORGANIZATION', 'MHA'],
      ['organization', 'ORGANIZATION', 'fletc'],
    ] as const) {
      const found = ok(
        await server.gql<Record<string, { id: string }>>(`{ ${field}(name: "${name}") { id } }`),
      );
      expect(found[field]?.id).toBe((await search(name, { types: [type] }))[0]?.node.id);
    }
  });
});
