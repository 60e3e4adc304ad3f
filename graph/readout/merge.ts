// Merging two entities found to be one, and splitting one found to be two, as changes to the readouts in force:
// a merge pins every entry that resolved to the old entity to the survivor (`id:`) in its document's stored
// readout, then plans and writes those documents again (and the ones that only refer to it by name), so the graph
// stays a function of the readouts in force and a dump reproduces the merge. A split marks the named documents'
// entries `distinct` (the first) or pins them to the new entity (the rest). The old id keeps resolving through a
// (:MergedId) node; both are recorded in the history.
import { BadInputError, ConflictError, NotFoundError } from '../errors';
import type { GraphExecutor, Runner } from '../executor';
import { lockHistory, recordChanges } from '../history';
import { parseNodeClaim } from './claims';
import { ENTITY_LABELS } from '../model';
import { draftReadouts } from './ingest';
import { sourceKey } from './lookups';
import { writeBatch, type ReadoutReport } from './writeBatch';

export interface EntityChangeReport {
  dryRun: boolean;
  /** The entity that absorbed the other (merge), or the new one (split). */
  entity: { id: string; name: string };
  /** The other entity: merged away, or split from. */
  other: { id: string; name: string };
  readouts: ReadoutReport[];
  durationMs: number;
}

export interface EntityChangeOptions {
  dryRun?: boolean;
  who?: string;
}

// One branch per label, so each lookup is an index seek.
const ENTITY = `
UNWIND $ids AS id
CALL (id) {
  ${ENTITY_LABELS.map((l) => `MATCH (n:${l} {id: id}) RETURN n`).join('\n  UNION ALL ')}
}
RETURN id, labels(n)[0] AS label, n.name AS name`;

type Mergeable = 'Person' | 'Organization';

const MENTIONERS = (label: Mergeable) => `
MATCH (s:Source)-[m:MENTIONS]->(n:${label} {id: $id})
RETURN s.id AS id, s.readout AS readout, m.claim AS claim, s.title AS title
ORDER BY s.published, s.id`;

const REDIRECT = (label: Mergeable) => `
MATCH (into:${label} {id: $into})
MERGE (m:MergedId {id: $from})
SET m.label = '${label}'
WITH into, m
OPTIONAL MATCH (m)-[old:MERGED_INTO]->() DELETE old
WITH into, m
MERGE (m)-[:MERGED_INTO]->(into)
WITH into
OPTIONAL MATCH (earlier:MergedId)-[e:MERGED_INTO]->(:${label} {id: $from})
FOREACH (_ IN CASE WHEN earlier IS NULL THEN [] ELSE [1] END | DELETE e MERGE (earlier)-[:MERGED_INTO]->(into))
WITH DISTINCT into
SET into.mergedIds = [x IN coalesce(into.mergedIds, []) WHERE x <> $from] + $from`;

type Entity = { id: string; label: Mergeable; name: string };

/** The entities of these ids that can be merged or split; throws for another kind of entity. */
async function entities(ids: string[], run: Runner): Promise<Map<string, Entity>> {
  const out = new Map<string, Entity>();
  for (const r of await run(ENTITY, { ids })) {
    const label = String(r.label);
    if (label !== 'Person' && label !== 'Organization')
      throw new BadInputError(
        `only people and organisations can be merged or split (${String(r.id)} is a ${label})`,
      );
    out.set(String(r.id), { id: String(r.id), label, name: String(r.name) });
  }
  return out;
}

type Entry = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
type Mentioner = { id: string; readout: Record<string, unknown>; claimName: string | null; names: string[] };

async function mentioners(e: Entity, run: Runner): Promise<Mentioner[]> {
  const rows = await run(MENTIONERS(e.label), { id: e.id });
  return rows.map((r) => {
    if (typeof r.readout !== 'string')
      throw new ConflictError(
        `${String(r.id)} was loaded before readouts were kept: load its file again first`,
      );
    const claim = typeof r.claim === 'string' ? parseNodeClaim(r.claim) : null;
    return {
      id: String(r.id),
      readout: JSON.parse(r.readout) as Record<string, unknown>,
      claimName: claim?.name ?? null,
      names: claim?.names ?? [],
    };
  });
}

/** The readout's entry that made its claim about the entity (same name and aliases, in order). */
function entryOf(m: Mentioner, label: Mergeable): Entry {
  const list = m.readout[label === 'Person' ? 'people' : 'organizations'];
  const entries = Array.isArray(list) ? (list as Entry[]) : [];
  const same = (e: Entry) =>
    e.name === m.claimName &&
    JSON.stringify([e.name, ...(Array.isArray(e.aliases) ? (e.aliases as unknown[]) : [])]) ===
      JSON.stringify(m.names);
  const entry = entries.find(same);
  if (entry === undefined)
    throw new Error(`internal: no entry of ${m.id} matches its claim on ${m.claimName}`);
  return entry;
}

const draftsOf = (ms: Mentioner[], what: string) =>
  draftReadouts(
    ms.map((m) => ({ file: `${m.id} (${what})`, text: JSON.stringify(m.readout), format: 'json' })),
  );

/** Runs `work` in a write transaction (or one rolled back, for a dry run), holding the history lock. */
function inTransaction<T>(executor: GraphExecutor, dryRun: boolean, work: (run: Runner) => Promise<T>) {
  return dryRun
    ? executor.withRollback(work, 120000)
    : executor.withWrite(async (run) => {
        await lockHistory(run);
        return work(run);
      }, 120000);
}

function checkPair(from: Entity | undefined, into: Entity | undefined, fromId: string, intoId: string) {
  if (fromId === intoId) throw new BadInputError(`cannot merge ${fromId} into itself`);
  if (from === undefined) throw new NotFoundError(`No entity with id "${fromId}" is in the graph.`);
  if (into === undefined) throw new NotFoundError(`No entity with id "${intoId}" is in the graph.`);
  if (from.label !== into.label)
    throw new BadInputError(
      `${fromId} is a ${from.label} and ${intoId} a ${into.label}: only entities of one kind merge`,
    );
  return { from, into };
}

/** Merges `fromId` into `intoId` (same label): the survivor takes every fact, name and document of the other. */
export async function mergeEntities(
  executor: GraphExecutor,
  fromId: string,
  intoId: string,
  opts: EntityChangeOptions = {},
): Promise<EntityChangeReport> {
  const started = Date.now();
  const dryRun = opts.dryRun === true;
  const readouts = await inTransaction(executor, dryRun, async (run) => {
    const found = await entities([fromId, intoId], run);
    const { from, into } = checkPair(found.get(fromId), found.get(intoId), fromId, intoId);
    const ms = await mentioners(from, run);
    const both = new Set((await mentioners(into, run)).filter((m) => m.claimName !== null).map((m) => m.id));
    const listing = ms.filter((m) => m.claimName !== null);
    const clash = listing.find((m) => both.has(m.id));
    if (clash !== undefined)
      throw new ConflictError(`${clash.id} lists ${fromId} and ${intoId} as two entries: revise it first`);
    for (const m of listing) {
      const entry = entryOf(m, from.label);
      delete entry.distinct;
      entry.id = intoId;
    }
    // Documents that only refer to the old entity by name are planned again too, after the ones that list it.
    const drafts = [
      ...draftsOf(listing, 'merged'),
      ...draftsOf(
        ms.filter((m) => m.claimName === null),
        'merged',
      ),
    ];
    const done = await writeBatch(drafts, run, opts.who ?? 'cli', {
      dryRun,
      replan: true,
      keep: [intoId],
      locked: true,
    });
    await run(REDIRECT(from.label), { from: fromId, into: intoId });
    if (!dryRun) await recordChanges(run, opts.who ?? 'cli', [entityEntry('merge', from, into, done)]);
    return { done, from, into };
  });
  return {
    dryRun,
    entity: { id: readouts.into.id, name: readouts.into.name },
    other: { id: readouts.from.id, name: readouts.from.name },
    readouts: readouts.done,
    durationMs: Date.now() - started,
  };
}

function entityEntry(action: 'merge' | 'split', a: Entity, b: Entity, done: ReadoutReport[]) {
  const lines = done.map(
    (r) => `${r.sourceId}: ${r.diff?.added.length ?? 0} added, ${r.diff?.removed.length ?? 0} removed`,
  );
  return {
    action,
    sourceId: done[0]?.sourceId ?? '',
    sourceTitle: action === 'merge' ? `${a.id} merged into ${b.id}` : `${b.id} split from ${a.id}`,
    file: null,
    hash: null,
    added: done.reduce((n, r) => n + (r.diff?.added.length ?? 0), 0),
    removed: done.reduce((n, r) => n + (r.diff?.removed.length ?? 0), 0),
    kept: done.reduce((n, r) => n + (r.diff?.kept.length ?? 0), 0),
    lines,
  };
}

const NAMESAKE_OF = (label: Mergeable) => `
MATCH (s:Source {id: $sid})-[:MENTIONS]->(n:${label}) WHERE n.key ENDS WITH $suffix
RETURN n.id AS id, n.name AS name`;

/**
 * Splits from `id` what `sources` (documents that list it) say of it into a new entity of the same label: the
 * first document's entry is declared distinct, the others pinned to the entity it makes. Undoes a wrong merge.
 */
export async function splitEntity(
  executor: GraphExecutor,
  id: string,
  sources: string[],
  opts: EntityChangeOptions = {},
): Promise<EntityChangeReport> {
  const started = Date.now();
  const dryRun = opts.dryRun === true;
  const result = await inTransaction(executor, dryRun, async (run) => {
    const e = (await entities([id], run)).get(id);
    if (e === undefined) throw new NotFoundError(`No entity with id "${id}" is in the graph.`);
    const listing = (await mentioners(e, run)).filter((m) => m.claimName !== null);
    const chosen = [...new Set(sources)].map((sid) => {
      const m = listing.find((l) => l.id === sid);
      if (m === undefined)
        throw new BadInputError(`${sid} does not list ${id}: only documents that list it can be split off`);
      return m;
    });
    if (chosen.length === 0) throw new BadInputError('give at least one source to split off');
    if (chosen.length === listing.length)
      throw new BadInputError(`every document that lists ${id} was named: nothing would be left of it`);
    const [first, ...rest] = chosen;
    if (first === undefined) throw new BadInputError('give at least one source to split off');
    const entry = entryOf(first, e.label);
    delete entry.id;
    entry.distinct = true;
    const done = await writeBatch(draftsOf([first], 'split'), run, opts.who ?? 'cli', {
      dryRun,
      replan: true,
      keep: [id],
      locked: true,
    });
    const made = await run(NAMESAKE_OF(e.label), {
      sid: first.id,
      suffix: `|namesake in ${sourceKeyOf(first)}`,
    });
    const created = { id: str(made[0]?.id), label: e.label, name: str(made[0]?.name) };
    for (const m of rest) {
      const r = entryOf(m, e.label);
      delete r.distinct;
      r.id = created.id;
    }
    if (rest.length > 0)
      done.push(
        ...(await writeBatch(draftsOf(rest, 'split'), run, opts.who ?? 'cli', {
          dryRun,
          replan: true,
          keep: [id, created.id],
          locked: true,
        })),
      );
    if (!dryRun) await recordChanges(run, opts.who ?? 'cli', [entityEntry('split', e, created, done)]);
    return { e, created, done };
  });
  return {
    dryRun,
    entity: { id: result.created.id, name: result.created.name },
    other: { id: result.e.id, name: result.e.name },
    readouts: result.done,
    durationMs: Date.now() - started,
  };
}

/** The identity key of a stored readout's document (as lookups.ts derives it from a draft). */
function sourceKeyOf(m: Mentioner): string {
  const [draft] = draftsOf([m], 'split');
  if (draft === undefined) throw new Error(`internal: ${m.id} does not draft`);
  return sourceKey(draft.source);
}
