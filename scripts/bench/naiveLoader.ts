// The baseline the real loader is measured against: the loader people write first. Every fact is one MERGE
// statement in its own transaction (a node, a name, an edge, a mention), with no batching, no planning and no
// lookup of existing entities beyond the identity key. It reuses the parser (draftReadouts) so that only the
// writing differs; it writes the same kinds of nodes and relationships, but with opaque ids. Benchmarks only.
import { createHash } from 'node:crypto';
import { countryId, countryName } from '../../graph/countries';
import type { GraphExecutor } from '../../graph/executor';
import { ID_PREFIX, type EntityLabel } from '../../graph/model';
import { normalizePersonName, normalizeText } from '../../graph/normalize';
import type { Draft, OrgRef } from '../../graph/readout/draft';
import { themeId } from '../../graph/themes';

type NodeLabel = Exclude<EntityLabel, 'Theme'>;

const MERGE_NODE: Record<NodeLabel, string> = {
  Source: `MERGE (n:Source {key: $key})
    ON CREATE SET n.id = $id, n.title = $props.title, n.name = $props.title, n.publisher = $props.publisher,
      n.url = $props.url, n.published = $props.published, n.kind = $props.kind`,
  Country: `MERGE (n:Country {key: $key}) ON CREATE SET n.id = $id, n.code = $key, n.name = $name`,
  Organization: `MERGE (n:Organization {key: $key})
    ON CREATE SET n.id = $id, n.name = $name, n.kind = $props.kind, n.countries = $props.countries, n.aliases = []`,
  Person: `MERGE (n:Person {key: $key}) ON CREATE SET n.id = $id, n.name = $name, n.country = $props.country, n.aliases = []`,
  Dialogue: `MERGE (n:Dialogue {key: $key})
    ON CREATE SET n.id = $id, n.name = $name, n.edition = $props.edition, n.startDate = $props.start,
      n.endDate = $props.end, n.city = $props.city, n.host = $props.host, n.countries = $props.countries,
      n.summary = $props.summary`,
  DialogueSeries: `MERGE (n:DialogueSeries {key: $key}) ON CREATE SET n.id = $id, n.name = $name`,
  Agreement: `MERGE (n:Agreement {key: $key})
    ON CREATE SET n.id = $id, n.name = $name, n.kind = $props.kind, n.signedOn = $props.signed, n.summary = $props.summary`,
};

/** One alias: the name node and its link, and the alias on the entity. */
const ADD_NAME = Object.fromEntries(
  (Object.keys(MERGE_NODE) as NodeLabel[]).map((l) => [
    l,
    `MATCH (e:${l} {key: $key})
     MERGE (nm:Name {key: $nameKey}) ON CREATE SET nm.norm = $norm, nm.label = '${l}'
     MERGE (nm)-[:NAMES]->(e)
     SET e.aliases = CASE WHEN $alias IS NULL OR $alias IN e.aliases THEN e.aliases ELSE e.aliases + $alias END`,
  ]),
) as Record<NodeLabel, string>;

/** One fact edge between two entities found by key (themes by id), with the document appended to `sources`. */
const mergeEdge = (from: string, type: string, to: string, toKey = 'key') => `
MATCH (a:${from} {key: $from})
MATCH (b:${to} {${toKey}: $to})
MERGE (a)-[e:${type}]->(b)
SET e += $props, e.sources = CASE WHEN $source IN coalesce(e.sources, []) THEN e.sources ELSE coalesce(e.sources, []) + $source END`;

const EDGES = {
  HOLDS_POST: `
MATCH (a:Person {key: $from})
MATCH (b:Organization {key: $to})
MERGE (a)-[e:HOLDS_POST {titleKey: $props.titleKey}]->(b)
SET e.title = $props.title, e.sources = CASE WHEN $source IN coalesce(e.sources, []) THEN e.sources ELSE coalesce(e.sources, []) + $source END`,
  ATTENDED: mergeEdge('Person', 'ATTENDED', 'Dialogue'),
  PART_OF: mergeEdge('Organization', 'PART_OF', 'Organization'),
  PERSON_OF_COUNTRY: mergeEdge('Person', 'OF_COUNTRY', 'Country'),
  ORG_OF_COUNTRY: mergeEdge('Organization', 'OF_COUNTRY', 'Country'),
  BETWEEN: mergeEdge('Dialogue', 'BETWEEN', 'Country'),
  HOSTED_BY: mergeEdge('Dialogue', 'HOSTED_BY', 'Country'),
  EDITION_OF: mergeEdge('Dialogue', 'EDITION_OF', 'DialogueSeries'),
  DISCUSSED: mergeEdge('Dialogue', 'DISCUSSED', 'Theme', 'id'),
  WORKING_GROUP: mergeEdge('Dialogue', 'WORKING_GROUP', 'Organization'),
  PARTY_TO: mergeEdge('Organization', 'PARTY_TO', 'Agreement'),
  CONCLUDED_AT: mergeEdge('Agreement', 'CONCLUDED_AT', 'Dialogue'),
  COVERS: mergeEdge('Agreement', 'COVERS', 'Theme', 'id'),
} as const;

const MENTION = Object.fromEntries(
  [...(Object.keys(MERGE_NODE) as NodeLabel[]), 'Theme'].map((l) => [
    l,
    `MATCH (s:Source {key: $from}) MATCH (b:${l} {${l === 'Theme' ? 'id' : 'key'}: $to}) MERGE (s)-[:MENTIONS]->(b)`,
  ]),
) as Record<EntityLabel, string>;

/** An organisation left to the graph: found through its names, as an author would look it up by hand. */
const ORG_BY_NAME = `MATCH (:Name {norm: $norm, label: 'Organization'})-[:NAMES]->(o:Organization)
RETURN o.key AS key LIMIT 1`;

/** Opaque but stable ids: readable ids need the planner's collision handling, which is what this loader lacks. */
const idOf = (label: EntityLabel, key: string) =>
  `${ID_PREFIX[label]}:${createHash('sha1').update(key).digest('hex').slice(0, 16)}`;

export interface NaiveCounts {
  readouts: number;
  statements: number;
}

/** Writes each draft fact by fact; returns how many statements (and so transactions) it took. */
export async function naiveLoad(executor: GraphExecutor, drafts: readonly Draft[]): Promise<NaiveCounts> {
  let statements = 0;
  const write = async (cypher: string, params: Record<string, unknown>) => {
    statements += 1;
    return executor.write(cypher, params);
  };
  for (const d of drafts) await loadOne(d, write);
  return { readouts: drafts.length, statements };
}

type Write = (cypher: string, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

async function loadOne(d: Draft, write: Write): Promise<void> {
  const s = d.source;
  const sourceKey = s.url !== undefined ? `url|${s.url}` : `doc|${normalizeText(s.title)}|${s.published}`;
  const fact = (type: keyof typeof EDGES, from: string, to: string, props: Record<string, unknown> = {}) =>
    write(EDGES[type], { from, to, props, source: sourceKey });
  const node = async (label: NodeLabel, key: string, name: string, props: Record<string, unknown>) => {
    const id = label === 'Country' ? countryId(key) : idOf(label, key);
    await write(MERGE_NODE[label], { key, id, name, props });
    await write(MENTION[label], { from: sourceKey, to: key });
  };
  const names = async (
    label: NodeLabel,
    key: string,
    scope: string,
    all: string[],
    norm: (x: string) => string,
  ) => {
    for (const [i, n] of all.entries()) {
      const nm = norm(n);
      await write(ADD_NAME[label], {
        key,
        nameKey: `${label}|${scope}|${nm}`,
        norm: nm,
        alias: i === 0 ? null : n,
      });
    }
  };

  const sourceProps = { ...s, url: s.url ?? null };
  await write(MERGE_NODE.Source, {
    key: sourceKey,
    id: idOf('Source', sourceKey),
    name: s.title,
    props: sourceProps,
  });
  const countries = new Set([...d.dialogue.countries, ...d.organizations.flatMap((o) => o.countries)]);
  for (const p of d.people) countries.add(p.country);
  for (const c of countries) await node('Country', c, countryName(c), {});

  const orgKeys = d.organizations.map((o) => `${o.scope}|${normalizeText(o.name)}`);
  for (const [i, o] of d.organizations.entries()) {
    const key = orgKeys[i] ?? '';
    await node('Organization', key, o.name, { kind: o.kind, countries: o.countries });
    await names('Organization', key, o.scope, [o.name, ...o.aliases], normalizeText);
    for (const c of o.countries) await fact('ORG_OF_COUNTRY', key, c);
  }
  const orgKey = async (ref: OrgRef): Promise<string> => {
    if (ref.kind === 'local') return orgKeys[ref.index] ?? '';
    const rows = await write(ORG_BY_NAME, { norm: ref.norm });
    const key = rows[0]?.key;
    return typeof key === 'string' ? key : '';
  };
  for (const [i, o] of d.organizations.entries()) {
    if (o.partOf) await fact('PART_OF', orgKeys[i] ?? '', await orgKey(o.partOf));
  }

  const dl = d.dialogue;
  const dialogueKey = normalizeText(dl.name);
  await node('Dialogue', dialogueKey, dl.name, {
    edition: dl.edition ?? null,
    start: dl.start,
    end: dl.end ?? null,
    city: dl.city ?? null,
    host: dl.host ?? null,
    countries: dl.countries,
    summary: dl.summary ?? null,
  });
  await names('Dialogue', dialogueKey, '', [dl.name, ...dl.aliases], normalizeText);
  if (dl.series !== undefined) {
    const seriesKey = normalizeText(dl.series);
    await node('DialogueSeries', seriesKey, dl.series, {});
    await names('DialogueSeries', seriesKey, '', [dl.series], normalizeText);
    await fact('EDITION_OF', dialogueKey, seriesKey, { edition: dl.edition ?? null });
  }
  for (const c of dl.countries) await fact('BETWEEN', dialogueKey, c);
  if (dl.host !== undefined) await fact('HOSTED_BY', dialogueKey, dl.host);
  for (const w of dl.workingGroups) await fact('WORKING_GROUP', dialogueKey, await orgKey(w));

  for (const p of d.people) {
    const scope = p.country.toLowerCase();
    const key = `${scope}|${p.norm}`;
    await node('Person', key, p.name, { country: p.country });
    await names('Person', key, scope, [p.name, ...p.aliases], normalizePersonName);
    await fact('PERSON_OF_COUNTRY', key, p.country);
    const org = await orgKey(p.organization);
    await fact('HOLDS_POST', key, org, { title: p.title, titleKey: normalizeText(p.title) });
    const behalf = await orgKey(p.onBehalfOf);
    await fact('ATTENDED', key, dialogueKey, {
      role: p.role,
      title: p.title,
      onBehalfOf: behalf,
      country: p.country,
    });
  }
  for (const t of d.themes) {
    await fact('DISCUSSED', dialogueKey, themeId(t.id), t.note === undefined ? {} : { note: t.note });
    await write(MENTION.Theme, { from: sourceKey, to: themeId(t.id) });
  }
  for (const a of d.agreements) {
    const parties: string[] = [];
    for (const p of a.parties) parties.push(await orgKey(p));
    const key = `${normalizeText(a.name)}|${[...parties].sort().join(',')}`;
    await node('Agreement', key, a.name, {
      kind: a.kind,
      signed: a.signed ?? null,
      summary: a.summary ?? null,
    });
    for (const p of parties) await fact('PARTY_TO', p, key);
    await fact('CONCLUDED_AT', key, dialogueKey);
    for (const t of a.themes) await fact('COVERS', key, themeId(t));
  }
}
