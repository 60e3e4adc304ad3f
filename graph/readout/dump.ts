// Backup: every document's readout in force, as it is kept on its Source node, written back to a folder of YAML
// files that `npm run load -- <dir>` loads into an empty graph again. The loader takes a folder's files in name
// order and a readout may refer by name to an organisation only another readout lists, so the files are numbered
// in an order that loads: each after a readout listing every organisation it refers to (ties by published date,
// then source id). Only mutual references can leave no such order; those readouts follow the graph's change order.
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { GraphExecutor } from '../executor';
import { int } from '../executor';
import { normalizeText } from '../normalize';
import { repoPath } from '../paths';
import { loadVocabulary } from '../themes';
import { buildDraft } from './draft';
import { findReadoutFiles } from './files';
import { graphRefs } from './lookups';
import { parseReadout } from './parse';

export interface DumpOptions {
  /** Write into a folder that is not empty, first removing the readout files already in it. */
  force?: boolean;
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface DumpReport {
  dir: string;
  /** The files written, in load order. */
  files: string[];
  durationMs: number;
}

/** The graph cannot be dumped as asked (a folder in the way, documents without their readout). */
export class DumpError extends Error {
  override name = 'DumpError';
}

const PAGE = 500;
const FETCH = 200;

const SOURCES_PAGE = `
MATCH (s:Source) WHERE s.key > $after
WITH s ORDER BY s.key LIMIT $limit
RETURN s.key AS key, s.id AS id, s.title AS title, s.published AS published, s.readout AS readout,
  head(COLLECT { MATCH (c:Change {sourceId: s.id}) RETURN c.seq AS seq ORDER BY seq DESC LIMIT 1 }) AS seq`;

const READOUTS = `UNWIND $ids AS id MATCH (s:Source {id: id}) RETURN s.id AS id, s.readout AS readout`;

interface Doc {
  id: string;
  published: string;
  /** The sequence number of the change that put this readout in force (Infinity without a history). */
  seq: number;
  /** The organisation names it lists, `scope|norm` for each name and alias, interned. */
  listed: number[];
  /** The organisation references it leaves to the graph, `country|norm` (country '' if none), interned. */
  refs: number[];
}

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Names as small numbers: 100k readouts name the same ministries over and over. */
class Names {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  of(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }
}

const normOf = (name: string) => name.slice(name.indexOf('|') + 1);

/** What a readout lists and what it refers to; nothing for one the loader would refuse (the load says why). */
function namesOf(json: string, id: string, names: Names): Pick<Doc, 'listed' | 'refs'> {
  const parsed = parseReadout(json, id, 'json');
  if (!parsed.ok) return { listed: [], refs: [] };
  const built = buildDraft(parsed.readout, id, loadVocabulary(), parsed.lines);
  if (!built.ok) return { listed: [], refs: [] };
  const listed = built.draft.organizations.flatMap((o) =>
    [o.name, ...o.aliases].map((n) => names.of(`${o.scope}|${normalizeText(n)}`)),
  );
  const refs = graphRefs(built.draft).map((r) => names.of(`${r.country?.toLowerCase() ?? ''}|${r.norm}`));
  return { listed: [...new Set(listed)], refs: [...new Set(refs)] };
}

/** A binary min-heap of document indexes. */
class Heap {
  private readonly items: number[] = [];
  constructor(private readonly less: (a: number, b: number) => boolean) {}
  push(x: number): void {
    const a = this.items;
    a.push(x);
    for (let i = a.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (!this.less(a[i] ?? 0, a[p] ?? 0)) break;
      [a[i], a[p]] = [a[p] ?? 0, a[i] ?? 0];
      i = p;
    }
  }
  pop(): number | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || last === undefined) return top;
    a[0] = last;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const m = l + 1 < a.length && this.less(a[l + 1] ?? 0, a[l] ?? 0) ? l + 1 : l;
      if (m >= a.length || !this.less(a[m] ?? 0, a[i] ?? 0)) break;
      [a[i], a[m]] = [a[m] ?? 0, a[i] ?? 0];
      i = m;
    }
    return top;
  }
}

/**
 * The load order. A reference waits for a document listing the name in the referring country's scope if any
 * document does, else in any scope (`*|norm`), as the loader resolves it; one no document lists waits for nothing.
 * A document is ready once all its references are listed by documents placed before it; the ready one earliest by
 * published date, then id, goes next. When none is ready (mutual references), the one in force first goes next.
 */
function loadOrder(docs: Doc[], names: Names): number[] {
  const star = (name: string) => `*|${normOf(name)}`;
  const listed = new Set(docs.flatMap((d) => d.listed.map((n) => names.names[n] ?? '')));
  const starred = new Set([...listed].map(star));
  const waiting = new Map<string, number[]>();
  const pending = docs.map((d, i) => {
    const keys = new Set<string>();
    for (const r of d.refs) {
      const ref = names.names[r] ?? '';
      if (!ref.startsWith('|') && listed.has(ref)) keys.add(ref);
      else if (starred.has(star(ref))) keys.add(star(ref));
    }
    for (const k of keys) {
      const list = waiting.get(k);
      if (list === undefined) waiting.set(k, [i]);
      else list.push(i);
    }
    return keys.size;
  });
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const earlier = (a: Doc | undefined, b: Doc | undefined) =>
    a !== undefined && b !== undefined && (cmp(a.published, b.published) || cmp(a.id, b.id)) < 0;
  const ready = new Heap((a, b) => earlier(docs[a], docs[b]));
  const byChange = docs.map((_, i) => i);
  byChange.sort((a, b) => (docs[a]?.seq ?? 0) - (docs[b]?.seq ?? 0) || (earlier(docs[a], docs[b]) ? -1 : 1));
  pending.forEach((n, i) => n === 0 && ready.push(i));
  const placed = docs.map(() => false);
  const order: number[] = [];
  let fallback = 0;
  while (order.length < docs.length) {
    let next = ready.pop();
    while (next !== undefined && placed[next] === true) next = ready.pop();
    if (next === undefined) {
      while (placed[byChange[fallback] ?? 0] === true) fallback++;
      next = byChange[fallback] ?? 0;
    }
    placed[next] = true;
    order.push(next);
    for (const n of docs[next]?.listed ?? []) {
      const name = names.names[n] ?? '';
      for (const key of [name, star(name)]) {
        for (const d of waiting.get(key) ?? []) {
          pending[d] = (pending[d] ?? 0) - 1;
          if (pending[d] === 0 && placed[d] !== true) ready.push(d);
        }
        waiting.delete(key);
      }
    }
  }
  return order;
}

/** The file's first line, as the bundled readouts have it: the JSON Schema for editors, relative to the file. */
function schemaLine(dir: string): string {
  const rel = path.relative(path.resolve(dir), repoPath('docs', 'readout.schema.json')).split(path.sep);
  return `# yaml-language-server: $schema=${rel.join('/')}\n`;
}

function fileName(i: number, width: number, id: string): string {
  const slug = id
    .replace(/^source:/, '')
    .replace(/[^a-z0-9-]+/gi, '-')
    .slice(0, 80);
  return `${String(i + 1).padStart(width, '0')}-${slug}.yaml`;
}

/** Refuses a folder that is in the way; with `force`, empties it of readout files (others are left alone). */
function prepareDir(dir: string, force: boolean, check: boolean): void {
  if (!fs.existsSync(dir)) {
    if (!check) fs.mkdirSync(dir, { recursive: true });
    return;
  }
  if (!fs.statSync(dir).isDirectory()) throw new DumpError(`${dir} exists and is not a folder`);
  if (fs.readdirSync(dir).length === 0) return;
  if (!force)
    throw new DumpError(
      `${dir} is not empty; choose an empty folder, or pass --force to replace its readout files`,
    );
  if (!check) for (const f of findReadoutFiles([dir])) fs.rmSync(f);
}

export async function dumpReadouts(
  executor: GraphExecutor,
  dir: string,
  opts: DumpOptions = {},
): Promise<DumpReport> {
  const started = Date.now();
  prepareDir(dir, opts.force === true, true);
  const docs: Doc[] = [];
  const names = new Names();
  const missing: string[] = [];
  // Pass 1: what each readout lists and refers to; the readouts themselves are not kept (100k would not fit).
  for (let after = ''; ;) {
    const page = await executor.read(SOURCES_PAGE, { after, limit: int(PAGE) });
    if (page.length === 0) break;
    after = str(page[page.length - 1]?.key);
    for (const row of page) {
      const id = str(row.id);
      if (typeof row.readout !== 'string') {
        missing.push(`${id} (${str(row.title)})`);
        continue;
      }
      const seq = typeof row.seq === 'number' ? row.seq : Number.POSITIVE_INFINITY;
      docs.push({ id, published: str(row.published), seq, ...namesOf(row.readout, id, names) });
    }
  }
  if (missing.length > 0) {
    throw new DumpError(
      `${missing.length} document(s) were loaded before the graph kept each document's readout, so they cannot be dumped:\n` +
        `${missing.slice(0, 20).join('\n')}${missing.length > 20 ? `\n… and ${missing.length - 20} more` : ''}\n` +
        'Load their readout files once again (npm run load -- <files>), then dump again.',
    );
  }
  prepareDir(dir, opts.force === true, false);
  const order = loadOrder(docs, names);
  const width = Math.max(5, String(docs.length).length);
  const header = schemaLine(dir);
  const files: string[] = [];
  // Pass 2: the readouts in load order, a chunk at a time.
  for (let at = 0; at < order.length; at += FETCH) {
    const chunk = order.slice(at, at + FETCH).map((i) => docs[i]?.id ?? '');
    const rows = await executor.read(READOUTS, { ids: chunk });
    const text = new Map(rows.map((r) => [str(r.id), str(r.readout)]));
    for (const id of chunk) {
      const json = text.get(id);
      if (json === undefined) throw new DumpError(`${id} was removed while dumping; dump again`);
      const file = path.join(dir, fileName(files.length, width, id));
      const readout: unknown = JSON.parse(json);
      fs.writeFileSync(file, header + stringify(readout, { lineWidth: 0 }));
      files.push(file);
      opts.onProgress?.(files.length, order.length, file);
    }
  }
  return { dir, files, durationMs: Date.now() - started };
}
