// Readable ids for new entities: the first candidate (e.g. person:jane-example) that no other entity holds, in
// the graph or earlier in the batch; then -2 … -9 on the last candidate. A concurrent loader can still take the
// same id first: the unique constraint then fails the transaction and ingest retries it with a fresh plan.
import type { Query } from './rows';

// An id's prefix says its label (ids.ts's candidates and the readout schema's pins all carry one), so each id costs
// one index seek, not one per label; an id without a known prefix is looked for under every label. A label with no
// ids has no list in $ids, and UNWIND of the missing list yields no rows.
const PREFIXES = [
  ['person:', 'Person'],
  ['org:', 'Organization'],
  ['dialogue:', 'Dialogue'],
  ['series:', 'DialogueSeries'],
  ['agreement:', 'Agreement'],
  ['source:', 'Source'],
] as const;
type IdLabel = (typeof PREFIXES)[number][1];

const IDS_TAKEN = `
CALL () {
${PREFIXES.map(([, l]) => `  UNWIND $ids.${l} AS id MATCH (n:${l} {id: id}) RETURN id, n.key AS key`).join('\n  UNION ALL\n')}
  UNION ALL
  UNWIND $ids.other AS id
  CALL (id) {
${PREFIXES.map(([, l]) => `    MATCH (n:${l} {id: id}) RETURN n.key AS key`).join('\n    UNION ALL ')}
  }
  RETURN id, key
}
RETURN id, key`;

/** The ids grouped by the label their prefix names (`other`: no known prefix); a label without ids is left out. */
function byLabel(ids: Iterable<string>): Partial<Record<IdLabel | 'other', string[]>> {
  const out: Partial<Record<IdLabel | 'other', string[]>> = {};
  for (const id of ids) (out[PREFIXES.find(([p]) => id.startsWith(p))?.[1] ?? 'other'] ??= []).push(id);
  return out;
}

const SUFFIXES = [2, 3, 4, 5, 6, 7, 8, 9];

/** Every id a request may end up with: its candidates, then -2 … -9 on the last one. */
export function idOptions(candidates: readonly string[]): string[] {
  const last = candidates[candidates.length - 1] ?? '';
  return [...candidates, ...SUFFIXES.map((n) => `${last}-${n}`)];
}

/** Which of some ids the graph already holds (id → key of the holder), asked once for a chunk of readouts. */
export interface IdsTaken {
  checked: ReadonlySet<string>;
  holders: ReadonlyMap<string, string>;
}

export async function idsTakenOf(ids: Iterable<string>, query: Query): Promise<IdsTaken> {
  const checked = new Set(ids);
  const rows = await query(IDS_TAKEN, { ids: byLabel(checked) });
  return { checked, holders: new Map(rows.map((r) => [String(r.id), String(r.key)])) };
}

interface IdRequest {
  candidates: string[];
  /** The identity key of the entity: an id already held by the same key is its own. */
  key: string;
  assign: (id: string) => void;
}

export class IdAllocator {
  private requests: IdRequest[] = [];
  /** id → key of its holder for this readout's earlier rounds; the batch's are read from `staged`, not copied. */
  private readonly local = new Map<string, string>();

  constructor(
    private readonly query: Query,
    private readonly staged: ReadonlyMap<string, string>,
    /** The graph's answer for the chunk, when it covers every option asked: then no query is needed. */
    private readonly taken?: IdsTaken,
  ) {}

  private holder(id: string): string | undefined {
    return this.local.get(id) ?? this.staged.get(id);
  }

  request(candidates: string[], key: string, assign: (id: string) => void): void {
    this.requests.push({ candidates, key, assign });
  }

  /** Assigns every pending request with one query. */
  async allocate(): Promise<void> {
    const requests = this.requests.splice(0);
    if (requests.length === 0) return;
    const options = requests.map((r) => idOptions(r.candidates));
    const all = [...new Set(options.flat())];
    const taken = this.taken;
    const rows =
      taken !== undefined && all.every((id) => taken.checked.has(id))
        ? all.flatMap((id) => {
            const key = taken.holders.get(id);
            return key === undefined ? [] : [{ id, key }];
          })
        : await this.query(IDS_TAKEN, { ids: byLabel(all) });
    for (const r of rows)
      if (this.holder(String(r.id)) === undefined) this.local.set(String(r.id), String(r.key));
    requests.forEach((r, i) => {
      const opts = options[i] ?? [];
      const free = opts.find((c) => {
        const h = this.holder(c);
        return h === undefined || h === r.key;
      });
      const id = free ?? `${opts[opts.length - 1] ?? ''}-${Date.now()}`;
      this.local.set(id, r.key);
      r.assign(id);
    });
  }
}
