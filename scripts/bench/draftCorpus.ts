// The drafter benchmark's documents: the seed news reports (each paired with the bundled readout that names it in
// its "Written from seed …" comment) and the press-release fixtures (<name>.txt or .html beside <name>.yaml, with
// the published date, URL and publisher of the expected readout's source given to the drafter, as a person would).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { DraftOptions } from '../../graph/drafter/draft';

export interface BenchDoc {
  name: string;
  text: string;
  expected: unknown;
  options: DraftOptions;
}

const READOUTS = path.resolve(__dirname, '..', '..', 'data', 'readouts');

export function seedDocs(seedDir: string): BenchDoc[] {
  if (!fs.existsSync(seedDir)) return [];
  const out: BenchDoc[] = [];
  for (const f of fs
    .readdirSync(READOUTS)
    .filter((x) => x.endsWith('.yaml'))
    .sort()) {
    const yaml = fs.readFileSync(path.join(READOUTS, f), 'utf8');
    const seed = /Written from seed \S*?([^/\s]+\.txt)/.exec(yaml)?.[1];
    if (seed === undefined || !fs.existsSync(path.join(seedDir, seed))) continue;
    out.push({
      name: seed,
      text: fs.readFileSync(path.join(seedDir, seed), 'utf8'),
      expected: parse(yaml),
      options: {},
    });
  }
  return out;
}

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

export function fixtureDocs(dir: string): BenchDoc[] {
  if (!fs.existsSync(dir)) return [];
  const out: BenchDoc[] = [];
  for (const f of fs
    .readdirSync(dir)
    .filter((x) => /\.(txt|html)$/.test(x))
    .sort()) {
    const yamlFile = path.join(dir, f.replace(/\.(txt|html)$/, '.yaml'));
    if (!fs.existsSync(yamlFile)) continue;
    const expected: unknown = parse(fs.readFileSync(yamlFile, 'utf8'));
    const source =
      typeof expected === 'object' && expected !== null && 'source' in expected ? expected.source : undefined;
    const field = (k: string) =>
      typeof source === 'object' && source !== null && k in source
        ? str((source as Record<string, unknown>)[k])
        : undefined;
    out.push({
      name: f,
      text: fs.readFileSync(path.join(dir, f), 'utf8'),
      expected,
      options: { published: field('published'), url: field('url'), publisher: field('publisher') },
    });
  }
  return out;
}
