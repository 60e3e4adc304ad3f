// The shipped theme vocabulary (data/themes.yaml): names, synonyms and broader themes. Readouts must use its names
// or aliases, so "counternarcotics" and "counter-narcotics" are one theme and both roll up to "illicit drugs".
import fs from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { GraphExecutor } from './executor';
import { initialsExpr } from './initials';
import { normalizeText } from './normalize';
import { repoPath } from './paths';

export const THEMES_FILE = repoPath('data', 'themes.yaml');

const VocabularySchema = z.strictObject({
  themes: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'theme ids are kebab-case'),
      name: z.string().min(1),
      description: z.string().optional(),
      aliases: z.array(z.string().min(1)).default([]),
      broader: z.array(z.string()).default([]),
    }),
  ),
});

export interface VocabularyTheme {
  id: string;
  name: string;
  description?: string | undefined;
  aliases: string[];
  broader: string[];
}

export interface Vocabulary {
  themes: VocabularyTheme[];
  /** Normalised name or alias → vocabulary id. */
  byName: Map<string, string>;
  byId: Map<string, VocabularyTheme>;
}

export function themeId(vocabId: string): string {
  return `theme:${vocabId}`;
}

/** Parses and checks a vocabulary: unique ids and names, known broader ids, no cycles. */
export function buildVocabulary(raw: unknown, file = THEMES_FILE): Vocabulary {
  const parsed = VocabularySchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`${file}: invalid theme vocabulary:\n${lines.join('\n')}`);
  }
  const themes = parsed.data.themes;
  const byId = new Map<string, VocabularyTheme>();
  const byName = new Map<string, string>();
  const problems: string[] = [];
  for (const t of themes) {
    if (byId.has(t.id)) problems.push(`duplicate id ${t.id}`);
    byId.set(t.id, t);
    for (const n of [t.name, ...t.aliases]) {
      const key = normalizeText(n);
      const other = byName.get(key);
      if (other !== undefined && other !== t.id) problems.push(`"${n}" names both ${other} and ${t.id}`);
      byName.set(key, t.id);
    }
  }
  for (const t of themes) {
    for (const b of t.broader) if (!byId.has(b)) problems.push(`${t.id}: unknown broader theme ${b}`);
  }
  // Depth-first search for a cycle in the broader relation.
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'open') {
      problems.push(`broader themes form a cycle: ${[...trail, id].join(' → ')}`);
      return;
    }
    state.set(id, 'open');
    for (const b of byId.get(id)?.broader ?? []) visit(b, [...trail, id]);
    state.set(id, 'done');
  };
  for (const t of themes) visit(t.id, []);
  if (problems.length > 0) throw new Error(`${file}: invalid theme vocabulary:\n${problems.join('\n')}`);
  return { themes, byName, byId };
}

let cached: Vocabulary | undefined;

export function loadVocabulary(): Vocabulary {
  cached ??= buildVocabulary(parse(fs.readFileSync(THEMES_FILE, 'utf8')));
  return cached;
}

/** Closest vocabulary names to an unknown theme, to suggest in the error. */
export function suggestThemes(vocab: Vocabulary, name: string, max = 3): string[] {
  const words = new Set(normalizeText(name).split(' '));
  return vocab.themes
    .map((t) => ({
      t,
      score: normalizeText(t.name)
        .split(' ')
        .filter((w) => words.has(w)).length,
    }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, max)
    .map((x) => x.t.name);
}

const SYNC_THEMES = `
UNWIND $themes AS t
MERGE (n:Theme {key: t.key})
SET n.id = t.id, n.name = t.name, n.aliases = t.aliases, n.aliasText = t.aliasText,
    n.description = t.description, n.sortKey = t.sortKey
WITH n, t
UNWIND t.names AS nm
MERGE (name:Name {key: nm.key})
SET name.norm = nm.norm, name.label = 'Theme', name.initials = ${initialsExpr('nm.norm')}
MERGE (name)-[:NAMES]->(n)`;

const SYNC_BROADER = `
UNWIND $themes AS t
MATCH (n:Theme {key: t.key})
OPTIONAL MATCH (n)-[old:BROADER]->(b:Theme) WHERE NOT b.key IN t.broader
DELETE old
WITH DISTINCT n, t
UNWIND t.broader AS bk
MATCH (b:Theme {key: bk})
MERGE (n)-[:BROADER]->(b)`;

/** Writes the vocabulary into the graph (idempotent): Theme nodes, their names, and BROADER edges. */
export async function syncVocabulary(executor: GraphExecutor, vocab = loadVocabulary()): Promise<number> {
  const themes = vocab.themes.map((t) => ({
    key: t.id,
    id: themeId(t.id),
    name: t.name,
    aliases: t.aliases,
    aliasText: t.aliases.join(' | '),
    description: t.description ?? null,
    sortKey: normalizeText(t.name),
    broader: t.broader,
    names: [...new Set([t.name, ...t.aliases].map(normalizeText))].map((norm) => ({
      key: `Theme||${norm}`,
      norm,
    })),
  }));
  await executor.writeTx(async (tx) => {
    await executor.run(tx, SYNC_THEMES, { themes });
    await executor.run(tx, SYNC_BROADER, { themes });
  });
  return themes.length;
}
