// Graph-level behaviour of the exploration queries that the API tests cannot see: how search text becomes a
// Lucene query, how many statements a subgraph costs, and what paths and commonThemes follow.
import type { GraphExecutor } from '../../graph/executor';
import { commonThemes } from '../../graph/queries/commonThemes';
import { findPaths } from '../../graph/queries/paths';
import { escapeLucene, luceneQuery, searchEntities, searchWords } from '../../graph/queries/search';
import { fetchSubgraph } from '../../graph/queries/subgraph';
import { timeline } from '../../graph/queries/timeline';
import { resetGraph, seed, testExecutor } from '../helpers/graph';

let executor: GraphExecutor;

beforeAll(async () => {
  executor = testExecutor();
  await resetGraph(executor);
  await seed(executor);
});
afterAll(() => executor.close());

const KRISTIE = 'person:kristie-canegallo';
const US_SOURCE = 'source:us-india-hold-homeland-security-dialogue-covering-wide-range-of-issues';

describe('search text to Lucene', () => {
  test('every Lucene special character is escaped', () => {
    const specials = '+-&|!(){}[]^"~*?:\\/';
    expect(escapeLucene(specials)).toBe([...specials].map((c) => `\\${c}`).join(''));
    expect(escapeLucene('plain words 123')).toBe('plain words 123');
  });

  test('words are letters and digits, folded and lower-cased, so operators and syntax cannot get through', () => {
    expect(searchWords('"foo) OR name:*')).toEqual(['foo', 'or', 'name']);
    expect(searchWords('Canégallo AND NOT x')).toEqual(['canegallo', 'and', 'not', 'x']);
    expect(searchWords('*:* \\ ~')).toEqual([]);
    expect(searchWords(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' '))).toHaveLength(10);
  });

  test('each word is asked exactly, as a prefix and fuzzily, exact boosted highest', () => {
    expect(luceneQuery(['canegalo', 'ab'])).toBe(
      '(canegalo^4 OR canegalo*^2 OR canegalo~2) OR (ab^4 OR ab*^2)',
    );
    expect(luceneQuery(['home'])).toBe('(home^4 OR home*^2 OR home~1)');
    expect(luceneQuery(['2024'])).toBe('(2024^4 OR 2024*^2)');
  });

  test('punctuation-only text is refused rather than sent as an empty query', async () => {
    await expect(executor.withRead((run) => searchEntities(run, '*:*', null, 10))).rejects.toThrow(/^text:/);
  });
});

describe('subgraph cost', () => {
  test('a bounded number of statements: start nodes, one per level, one for edges', async () => {
    const before = executor.statementCount;
    const g = await executor.withRead((run) =>
      fetchSubgraph(run, {
        ids: [KRISTIE, 'person:simon-ridley'],
        depth: 3,
        maxNodes: 2000,
        types: null,
        at: null,
      }),
    );
    expect(g.nodes.length).toBeGreaterThan(20);
    expect(executor.statementCount - before).toBeLessThanOrEqual(1 + 3 + 1);
  });

  test('a filled level stops the walk: no deeper level is read', async () => {
    const before = executor.statementCount;
    const g = await executor.withRead((run) =>
      fetchSubgraph(run, { ids: [KRISTIE], depth: 3, maxNodes: 3, types: null, at: null }),
    );
    expect(g.truncated).toBe(true);
    expect(g.nodes).toHaveLength(3);
    expect(executor.statementCount - before).toBe(3);
  });
});

describe('paths', () => {
  test('mentions are not followed, even where they would be the only link', async () => {
    const found = await executor.withRead((run) => findPaths(run, US_SOURCE, KRISTIE, 8, 10));
    expect(found.paths).toEqual([]);
  });

  test('edges keep their stored direction and are named by type, ends and post title', async () => {
    const found = await executor.withRead((run) =>
      findPaths(run, 'org:us:department-of-homeland-security', KRISTIE, 1, 10),
    );
    expect(found.paths).toHaveLength(1);
    expect(found.paths[0]?.edges[0]).toMatchObject({
      id: `HOLDS_POST:${KRISTIE}->org:us:department-of-homeland-security:senior official performing the duties of the deputy secretary`,
      source: KRISTIE,
      target: 'org:us:department-of-homeland-security',
    });
    expect([...(found.paths[0]?.nodeIds ?? [])].sort()).toEqual([
      'org:us:department-of-homeland-security',
      KRISTIE,
    ]);
  });
});

describe('commonThemes', () => {
  test('an organisation counts the dialogues its people attended on its behalf', async () => {
    const mha = 'org:in:ministry-of-home-affairs';
    const both = await executor.withRead((run) => commonThemes(run, [mha, 'org:gb:home-office']));
    const uk = await executor.withRead((run) =>
      commonThemes(run, ['dialogue:6th-india-uk-home-affairs-dialogue', 'org:gb:home-office']),
    );
    expect(both.map((t) => t.id)).toEqual(uk.map((t) => t.id));
    expect(both.map((t) => t.id)).toContain('theme:diplomatic-security');
  });

  test('a source document is not a themed entity', async () => {
    await expect(executor.withRead((run) => commonThemes(run, [US_SOURCE, KRISTIE]))).rejects.toThrow(
      /source document/,
    );
  });
});

describe('timeline', () => {
  test('a one-day period catches the dialogue running that day and the agreement signed on it', async () => {
    const t = await executor.withRead((run) =>
      timeline(run, { countries: null, from: '2024-02-29', to: '2024-02-29' }),
    );
    expect(t.entries.map((e) => e.kind)).toEqual(['DIALOGUE', 'AGREEMENT']);
  });
});
