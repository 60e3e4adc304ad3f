// Argument values for the generator, sampled once from the loaded graph: real ids of every label (evenly spread
// plus the busiest, which exercise long lists), ids that do not exist, country codes as users type them, list
// cursors, and dates. Sampling is ordered, so the same graph always gives the same pools.
import neo4j from 'neo4j-driver';
import type { GraphExecutor } from '../../graph/executor';
import { ENTITY_LABELS, ID_PREFIX, type EntityLabel } from '../../graph/model';
import { str } from './decode';
import { LISTS } from './cypher';
import type { ListName } from './objects';
import { encodeCursor } from './resolvers';

export interface Pools {
  /** Existing ids per label, simplest (most connected) first. */
  ids: Record<EntityLabel, string[]>;
  /** Well-formed ids that name nothing, and ids with no known prefix. */
  missing: string[];
  /** Codes of countries in the graph, as stored (upper case). */
  countries: string[];
  /** What a user may pass as a code: any case, padded, absent from the graph, not a code at all. */
  codeInputs: string[];
  /** Cursors of real items, per list. */
  cursors: Record<ListName, string[]>;
  /** Strings that are not cursors of any list. */
  badCursors: string[];
  dates: string[];
  /** Strings that are not real dates: refused as literals (validation) and as variables (bad input). */
  badDates: string[];
}

const PER_LABEL = 24;
const BUSIEST = 6;

async function idsOf(executor: GraphExecutor, label: EntityLabel): Promise<string[]> {
  const busiest = await executor.read(
    `MATCH (n:${label}) RETURN n.id AS id ORDER BY COUNT { (n)--() } DESC, n.id LIMIT $n`,
    { n: neo4j.int(BUSIEST) },
  );
  const all = (await executor.read(`MATCH (n:${label}) RETURN n.id AS id ORDER BY n.id`)).map((r) =>
    str(r.id),
  );
  const step = Math.max(1, Math.floor(all.length / PER_LABEL));
  const spread = all.filter((_, i) => i % step === 0).slice(0, PER_LABEL);
  return [...new Set([...busiest.map((r) => str(r.id)), ...spread])];
}

async function cursorsOf(executor: GraphExecutor, list: ListName, label: EntityLabel): Promise<string[]> {
  const rows = await executor.read(
    `MATCH (n:${label}) WITH n, ${LISTS[list].key} AS k RETURN k, n.id AS id ORDER BY k, n.id`,
  );
  const step = Math.max(1, Math.floor(rows.length / 12));
  return rows.filter((_, i) => i % step === 0).map((r) => encodeCursor(r.k, str(r.id)));
}

export async function samplePools(executor: GraphExecutor): Promise<Pools> {
  const ids: Record<EntityLabel, string[]> = {
    Person: await idsOf(executor, 'Person'),
    Organization: await idsOf(executor, 'Organization'),
    Country: await idsOf(executor, 'Country'),
    Dialogue: await idsOf(executor, 'Dialogue'),
    DialogueSeries: await idsOf(executor, 'DialogueSeries'),
    Theme: await idsOf(executor, 'Theme'),
    Agreement: await idsOf(executor, 'Agreement'),
    Source: await idsOf(executor, 'Source'),
  };
  const countries = (await executor.read('MATCH (c:Country) RETURN c.code AS code ORDER BY c.code')).map(
    (r) => str(r.code),
  );
  const some = countries.filter((_, i) => i % 5 === 0);
  const codeInputs = [
    ...some,
    ...some.slice(0, 4).map((c) => c.toLowerCase()),
    ...some.slice(0, 2).map((c) => ` ${c} `),
    'ZW', // an ISO code that names no country in this graph
    'XX', // not an ISO code
    'india',
    '',
  ];
  const cursors: Record<ListName, string[]> = {
    people: await cursorsOf(executor, 'people', 'Person'),
    organizations: await cursorsOf(executor, 'organizations', 'Organization'),
    dialogues: await cursorsOf(executor, 'dialogues', 'Dialogue'),
    agreements: await cursorsOf(executor, 'agreements', 'Agreement'),
    themes: await cursorsOf(executor, 'themes', 'Theme'),
  };
  return {
    ids,
    missing: [
      ...ENTITY_LABELS.map((l) => `${ID_PREFIX[l]}:does-not-exist`),
      'nobody',
      'thing:unknown-prefix',
      '',
    ],
    countries,
    codeInputs,
    cursors,
    badCursors: [
      'not-a-cursor',
      Buffer.from('[1]').toString('base64url'),
      Buffer.from('{"k":1}').toString('base64url'),
      Buffer.from('[5,"x"]').toString('base64url'),
      Buffer.from('[null,"person:x"]').toString('base64url'),
      encodeCursor('zzzz', 'zzzz'),
    ],
    badDates: ['2023-02-30', '2024-13', '24', '2024-2-1'],
    dates: [
      '2024',
      '2024-02',
      '2024-02-28',
      '2019',
      '2026',
      '2020-02-29',
      '2010',
      '2023-12-31',
      '2025-06',
      '1999',
    ],
  };
}
