// Generates N readouts deterministically from a seed and writes them in subfolders (1000 files each by default),
// in publication order, as a real archive of documents would accumulate.
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { Random } from './random';
import { readoutsOf, type ReadoutDocument } from './readouts';
import { planDialogues } from './series';
import { themeVocabulary } from './themes';
import { World } from './world';

export interface GenerateOptions {
  readouts: number;
  seed: string;
  out: string;
  perFolder?: number;
  format?: 'json' | 'yaml';
}

export interface GenerateSummary {
  readouts: number;
  dialogues: number;
  series: number;
  people: number;
  organizations: number;
  agreements: number;
  themesUsed: number;
  themeSpellingsUsed: number;
  folders: number;
  files: string[];
  durationMs: number;
}

/** Marks a folder as generated output, so that --force only ever deletes what this generator wrote. */
export const MANIFEST = 'manifest.txt';

/** Share of a dialogue's documents: 2 (40%), 3 (40%) or 4 (20%), so 2.8 on average. */
function sourceCount(rng: Random): number {
  const r = rng.next();
  return r < 0.4 ? 2 : r < 0.8 ? 3 : 4;
}

function serialize(doc: ReadoutDocument, format: 'json' | 'yaml'): string {
  return format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : stringify(doc, { lineWidth: 0 });
}

/** Removes a previous run's output; refuses anything that is not one. */
export function clearOutput(out: string, force: boolean): void {
  if (!fs.existsSync(out) || fs.readdirSync(out).length === 0) return;
  if (!force) throw new Error(`${out} is not empty; pass --force to replace a previous run's output`);
  if (!fs.existsSync(path.join(out, MANIFEST)))
    throw new Error(
      `${out} holds files this generator did not write (no ${MANIFEST}); refusing to delete it`,
    );
  fs.rmSync(out, { recursive: true, force: true });
}

export function generateReadouts(opts: GenerateOptions): GenerateSummary {
  const started = Date.now();
  const perFolder = opts.perFolder ?? 1000;
  const format = opts.format ?? 'json';
  const rng = new Random(opts.seed);
  const themes = themeVocabulary(rng.fork('themes'));
  const plans = planDialogues(Math.ceil((opts.readouts / 2.8) * 1.15) + 2, themes.picker, rng.fork('series'));
  const world = new World(rng.fork('world'), themes, plans);
  const docRng = rng.fork('documents');
  let serial = 0;
  const ctx = { themes, rng: docRng, serial: () => ++serial };

  fs.mkdirSync(opts.out, { recursive: true });
  const files: string[] = [];
  const series = new Set<string>();
  const usedThemes = new Set<string>();
  const spellings = new Set<string>();
  let dialogues = 0;
  let agreements = 0;
  for (const plan of plans) {
    if (files.length >= opts.readouts) break;
    const d = world.dialogue(plan);
    const docs = readoutsOf(d, Math.min(sourceCount(docRng), opts.readouts - files.length), ctx);
    dialogues += 1;
    agreements += d.agreements.length;
    series.add(plan.series.name);
    d.themes.forEach((t) => usedThemes.add(t));
    for (const doc of docs) {
      for (const t of doc.themes ?? []) spellings.add(typeof t === 'string' ? t : t.name);
      const i = files.length;
      const dir = path.join(opts.out, String(Math.floor(i / perFolder)).padStart(3, '0'));
      if (i % perFolder === 0) fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `r${String(i + 1).padStart(6, '0')}.${format}`);
      fs.writeFileSync(file, serialize(doc, format));
      files.push(file);
    }
  }
  if (files.length < opts.readouts)
    throw new Error(`internal: planned too few dialogues (${files.length} of ${opts.readouts} readouts)`);
  const summary: GenerateSummary = {
    readouts: files.length,
    dialogues,
    series: series.size,
    people: world.peopleCreated,
    organizations: world.organizations,
    agreements,
    themesUsed: usedThemes.size,
    themeSpellingsUsed: spellings.size,
    folders: Math.ceil(files.length / perFolder),
    files,
    durationMs: Date.now() - started,
  };
  const { files: _f, durationMs: _d, ...counts } = summary;
  const manifest = { generator: 'scripts/generate.ts', seed: opts.seed, perFolder, format, ...counts };
  fs.writeFileSync(path.join(opts.out, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return summary;
}
