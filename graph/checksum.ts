// A checksum of the graph's content, to tell whether two graphs hold the same facts: a restored backup and the
// graph it was taken from, or the same readouts loaded in two different orders.
//
// Content is every node except the bookkeeping ones (SchemaMigration; Change and ChangeCounter, the history, which
// records when and by whom rather than what the graph holds) and every relationship between two content nodes.
//
// Ids. Entity ids are readable slugs chosen at load time, and namesakes make them depend on load order: whichever
// Rajendra Kumar is loaded first gets person:rajendra-kumar, the other one person:rajendra-kumar-gb (or a -2
// suffix). The checksum therefore never uses an id as such:
// - a node is identified by its labels and its identity `key` (unique per label; Name nodes have one too), and its
//   `id` property is left out;
// - every string anywhere in a property (a value, a list element, a JSON value inside a MENTIONS `claim` or
//   inside a `claims` entry `<source id>\t<json>`) that equals some entity's id is replaced by that entity's
//   `labels|key`; ids inside keys (an agreement's key lists its parties' ids, comma-separated) are replaced the
//   same way, token by token;
// - a list in which any element was replaced, and every `sources` and `claims` list, is sorted after replacement,
//   since its order followed the ids.
// What remains depends only on what the documents say, not on the order they were loaded in.
//
// Bounded memory: each label is read in one read transaction, in keyset pages ordered by key (the unique
// constraint's index), each node with its outgoing relationships, and the ids a page uses are looked up with one
// indexed statement (remembered up to a bound). Every line (a node or a relationship, as canonical JSON) is hashed
// on its own and the line hashes are added modulo 2^256, so the result does not depend on the order lines are read
// in and nothing but one page is held. Run it while nothing writes: the labels are read one after another.
import { createHash } from 'node:crypto';
import { int, type GraphExecutor, type Row, type Runner } from './executor';
import { ENTITY_LABELS } from './model';

export interface ContentChecksum {
  /** sha256 hex over the counts and the sum of every line's hash. */
  checksum: string;
  nodes: number;
  relationships: number;
  /** Content nodes by label (labels joined with ':' for a node with several). */
  byLabel: Record<string, number>;
  /** Content relationships by type. */
  byType: Record<string, number>;
}

// MergedId: the redirect of a merged-away id, bookkeeping beside the content like the history.
const HISTORY = ['SchemaMigration', 'Change', 'ChangeCounter', 'MergedId'];
const NOT_HISTORY = HISTORY.map((l) => `m:${l}`).join(' OR ');
const PAGE = 500;
/** Ids resolved across pages, dropped when the cache grows past this (each page resolves what it needs again). */
const CACHE_LIMIT = 100000;
/** Lists whose order is not meaningful, even when none of their elements is an id. */
const UNORDERED = new Set(['sources', 'claims']);
const MOD = 1n << 256n;

const quote = (label: string) => `\`${label.replace(/`/g, '``')}\``;

const nodesOf = (match: string) => `
${match}
RETURN n.key AS key, labels(n) AS labels, properties(n) AS props,
  COLLECT { MATCH (n)-[r]->(m) WHERE NOT (${NOT_HISTORY})
            RETURN {type: type(r), props: properties(r), labels: labels(m), key: m.key} } AS out`;
const pageOf = (label: string) =>
  nodesOf(`MATCH (n:${quote(label)}) WHERE n.key > $after WITH n ORDER BY n.key LIMIT $limit`);
/** A graph this small is read in one statement (the tests take thousands of checksums of small graphs). */
const SMALL = 5000;
const ALL = nodesOf(`MATCH (n) WHERE NOT (${NOT_HISTORY.replace(/m:/g, 'n:')})`);

// Entity labels carry a unique constraint on `id`, so each lookup is an index seek.
const LOOKUP_IDS = `
UNWIND $ids AS s
CALL (s) {
  ${ENTITY_LABELS.map((l) => `MATCH (n:${l} {id: s}) RETURN n`).join(' UNION ALL ')}
}
RETURN s AS id, labels(n) AS labels, n.key AS key`;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const str = (v: unknown): string => (typeof v === 'string' ? v : String(v));
const labelsOf = (v: unknown): string =>
  (Array.isArray(v) ? v.map(str) : [str(v)])
    .filter((l) => !HISTORY.includes(l))
    .sort()
    .join(':');

/** A string worth asking about: ids are `kind:slug`, without spaces. */
const mayBeId = (s: string) => s.length <= 2100 && s.includes(':') && !/\s/.test(s);

/** Every string in a property value, also inside `claim`/`claims` JSON and key tokens, that may be an id. */
function collect(value: unknown, into: Set<string>, prop = ''): void {
  if (Array.isArray(value)) for (const v of value) collect(v, into, prop);
  else if (isRecord(value)) for (const [k, v] of Object.entries(value)) collect(v, into, k);
  else if (typeof value === 'string') {
    if (mayBeId(value)) into.add(value);
    const json = prop === 'claim' ? value : prop === 'claims' ? value.slice(value.indexOf('\t') + 1) : null;
    if (prop === 'claims' && value.includes('\t')) collect(value.slice(0, value.indexOf('\t')), into);
    if (json !== null) collect(parseJson(json), into);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // not JSON after all: kept as the string it is
  }
}

const keyTokens = (key: string) => key.split('|').flatMap((s) => s.split(','));

class Ids {
  private readonly known = new Map<string, { labels: string; key: string } | null>();

  /** Resolves the strings not yet known, then the ids inside the keys of what they name (two rounds suffice). */
  async learn(run: Runner, strings: Set<string>): Promise<void> {
    if (this.known.size > CACHE_LIMIT) this.known.clear();
    let ask = [...strings].filter((s) => !this.known.has(s));
    for (let round = 0; round < 3 && ask.length > 0; round++) {
      const rows = await run(LOOKUP_IDS, { ids: ask });
      // Marked only once answered: a transaction retried after a failed lookup must ask again.
      for (const s of ask) this.known.set(s, null);
      const found: string[] = [];
      for (const r of rows) {
        const id = str(r.id);
        const hit = { labels: labelsOf(r.labels), key: str(r.key) };
        const had = this.known.get(id);
        // Ids are unique across labels; should two nodes share one, the choice must still not depend on order.
        if (had === null || had === undefined || `${hit.labels}|${hit.key}` < `${had.labels}|${had.key}`)
          this.known.set(id, hit);
        found.push(hit.key);
      }
      ask = [...new Set(found.flatMap(keyTokens))].filter((t) => mayBeId(t) && !this.known.has(t));
    }
  }

  /** `labels|key`, with the ids inside the key replaced (sorted within a comma list that had one). */
  identity(labels: string, key: string, depth = 0): string {
    const segments = key.split('|').map((segment) => {
      let replaced = false;
      const tokens = segment.split(',').map((t) => {
        const hit = depth < 3 ? this.known.get(t) : undefined;
        if (hit === undefined || hit === null) return t;
        replaced = true;
        return this.identity(hit.labels, hit.key, depth + 1);
      });
      if (replaced) tokens.sort();
      return tokens.join(',');
    });
    return `${labels}|${segments.join('|')}`;
  }

  /** A property value with ids replaced, objects with sorted keys, unordered lists sorted. */
  canon(value: unknown, prop = ''): unknown {
    if (Array.isArray(value)) {
      let replaced = false;
      const out = value.map((v) => {
        const c = this.canon(v, prop);
        if (typeof v === 'string' && c !== v) replaced = true;
        return c;
      });
      return replaced || UNORDERED.has(prop)
        ? out
            .map((v) => JSON.stringify(v))
            .sort()
            .map(parseJson)
        : out;
    }
    if (isRecord(value)) {
      const keys = Object.keys(value).sort();
      return Object.fromEntries(keys.map((k) => [k, this.canon(value[k], k)]));
    }
    // Objects (temporal values too) were handled above; what is left is a primitive.
    if (typeof value === 'bigint') return value.toString();
    if (typeof value !== 'string') return value ?? null;
    if (prop === 'claim') return this.canonJson(value);
    if (prop === 'claims' && value.includes('\t')) {
      const at = value.indexOf('\t');
      return `${str(this.canon(value.slice(0, at)))}\t${this.canonJson(value.slice(at + 1))}`;
    }
    const hit = this.known.get(value);
    return hit === undefined || hit === null ? value : this.identity(hit.labels, hit.key);
  }

  private canonJson(text: string): string {
    const parsed = parseJson(text);
    return parsed === undefined ? text : JSON.stringify(this.canon(parsed));
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const lineHash = (line: string) => BigInt(`0x${sha256(line)}`);

/** One label's share of the sums and counts; returned whole, so that a retried transaction counts once. */
interface Part {
  sum: bigint;
  nodes: number;
  relationships: number;
  byLabel: Record<string, number>;
  byType: Record<string, number>;
  seen: number;
}

const bump = (r: Record<string, number>, k: string, n = 1) => (r[k] = (r[k] ?? 0) + n);

/** Adds a page of nodes, each with its outgoing relationships; `only`: skip nodes whose first label is another. */
async function addPage(run: Runner, page: Row[], ids: Ids, part: Part, only?: string): Promise<void> {
  const add = (line: string) => (part.sum = (part.sum + lineHash(line)) % MOD);
  const strings = new Set<string>();
  for (const row of page) {
    collect(row.props, strings);
    for (const t of keyTokens(str(row.key))) strings.add(t);
    for (const r of Array.isArray(row.out) ? row.out : []) {
      if (!isRecord(r)) continue;
      collect(r.props, strings);
      for (const t of keyTokens(str(r.key))) strings.add(t);
    }
  }
  await ids.learn(run, new Set([...strings].filter(mayBeId)));
  for (const row of page) {
    const own = labelsOf(row.labels);
    // A node with several labels is read once per label; it counts under the first.
    if (only !== undefined && own.split(':')[0] !== only) continue;
    if (typeof row.key !== 'string')
      throw new Error(`contentChecksum: a ${own} node has no key; it cannot be identified`);
    const self = ids.identity(own, row.key);
    const props = isRecord(row.props) ? { ...row.props } : {};
    delete props.id;
    delete props.key;
    add(JSON.stringify(['N', self, ids.canon(props)]));
    part.nodes += 1;
    bump(part.byLabel, own);
    for (const r of Array.isArray(row.out) ? row.out : []) {
      if (!isRecord(r)) continue;
      const type = str(r.type);
      const other = ids.identity(labelsOf(r.labels), str(r.key));
      add(JSON.stringify(['R', self, type, other, ids.canon(r.props)]));
      part.relationships += 1;
      bump(part.byType, type);
    }
  }
}

const emptyPart = (): Part => ({ sum: 0n, nodes: 0, relationships: 0, byLabel: {}, byType: {}, seen: 0 });

async function labelPart(run: Runner, label: string, ids: Ids): Promise<Part> {
  const part = emptyPart();
  for (let after = ''; ;) {
    const page = await run(pageOf(label), { after, limit: int(PAGE) });
    part.seen += page.length;
    after = str(page[page.length - 1]?.key);
    await addPage(run, page, ids, part, label);
    if (page.length < PAGE) return part;
  }
}

/** One read transaction per label may page through a million nodes: allow it far more than an API query. */
const LABEL_TIMEOUT_MS = 60 * 60 * 1000;

export async function contentChecksum(
  executor: GraphExecutor,
  opts: { smallGraph?: number } = {},
): Promise<ContentChecksum> {
  const labels = (await executor.read('CALL db.labels() YIELD label RETURN label'))
    .map((r) => str(r.label))
    .filter((l) => !HISTORY.includes(l))
    .sort();
  if (labels.length === 0) return summary(emptyPart());
  // Counts come from the count store; keyset paging skips nodes without a string key, which this catches.
  const counts = await executor.read(
    `CALL () { ${labels.map((l) => `MATCH (n:${quote(l)}) RETURN ${JSON.stringify(l)} AS label, count(n) AS n`).join(' UNION ALL ')} } RETURN label, n`,
  );
  const ids = new Ids();
  if (counts.reduce((n, c) => n + Number(c.n ?? 0), 0) <= (opts.smallGraph ?? SMALL)) {
    return summary(
      await executor.withRead(async (run) => {
        const part = emptyPart();
        await addPage(run, await run(ALL), ids, part);
        return part;
      }),
    );
  }
  const total = emptyPart();
  for (const label of labels) {
    const part = await executor.withRead((run) => labelPart(run, label, ids), LABEL_TIMEOUT_MS);
    const expected = Number(counts.find((c) => c.label === label)?.n ?? 0);
    if (part.seen !== expected) {
      throw new Error(
        `contentChecksum: ${expected - part.seen} ${label} node(s) have no key, so they cannot be identified (or the graph changed meanwhile)`,
      );
    }
    total.sum = (total.sum + part.sum) % MOD;
    total.nodes += part.nodes;
    total.relationships += part.relationships;
    for (const [k, n] of Object.entries(part.byLabel)) bump(total.byLabel, k, n);
    for (const [k, n] of Object.entries(part.byType)) bump(total.byType, k, n);
  }
  return summary(total);
}

function summary({ nodes, relationships, sum, byLabel, byType }: Part): ContentChecksum {
  const checksum = sha256(JSON.stringify({ content: 1, nodes, relationships, sum: sum.toString(16) }));
  const sorted = (r: Record<string, number>) =>
    Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { checksum, nodes, relationships, byLabel: sorted(byLabel), byType: sorted(byType) };
}
