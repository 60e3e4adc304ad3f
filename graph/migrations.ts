// Versioned, idempotent schema setup. Each migration runs once per database and is recorded as a
// (:SchemaMigration) node; every statement is also written with IF NOT EXISTS, so a half-applied migration
// (a crash between statements) is simply completed on the next run.
import type { GraphExecutor } from './executor';
import { initialsExpr } from './initials';
import { ENTITY_LABELS } from './model';

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

const uniqueConstraints = ENTITY_LABELS.flatMap((label) => [
  `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
  // `key` is the normalised identity (e.g. "in|ministry of home affairs"): MERGE on it cannot duplicate.
  `CREATE CONSTRAINT ${label.toLowerCase()}_key IF NOT EXISTS FOR (n:${label}) REQUIRE n.key IS UNIQUE`,
]);

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'unique ids and identity keys',
    statements: [
      ...uniqueConstraints,
      'CREATE CONSTRAINT name_key IF NOT EXISTS FOR (n:Name) REQUIRE n.key IS UNIQUE',
      'CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (m:SchemaMigration) REQUIRE m.version IS UNIQUE',
    ],
  },
  {
    version: 2,
    name: 'fulltext index over names, aliases and titles',
    statements: [
      // standard-folding folds accents, so "Canegallo" and "Canégallo" match; fuzzy terms (~) give typo tolerance.
      `CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
       FOR (n:Person|Organization|Country|Dialogue|DialogueSeries|Theme|Agreement|Source)
       ON EACH [n.name, n.aliasText, n.title]
       OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-folding', \`fulltext.eventually_consistent\`: false } }`,
    ],
  },
  {
    version: 3,
    name: 'range indexes for lookups, filters and ordering',
    statements: [
      'CREATE INDEX name_norm IF NOT EXISTS FOR (n:Name) ON (n.norm)',
      'CREATE INDEX dialogue_start IF NOT EXISTS FOR (n:Dialogue) ON (n.startDate)',
      'CREATE INDEX agreement_signed IF NOT EXISTS FOR (n:Agreement) ON (n.signedKey)',
      'CREATE INDEX organization_kind IF NOT EXISTS FOR (n:Organization) ON (n.kind)',
      'CREATE INDEX person_sort IF NOT EXISTS FOR (n:Person) ON (n.sortKey)',
      'CREATE INDEX organization_sort IF NOT EXISTS FOR (n:Organization) ON (n.sortKey)',
      'CREATE INDEX theme_sort IF NOT EXISTS FOR (n:Theme) ON (n.sortKey)',
      'CREATE INDEX source_published IF NOT EXISTS FOR (n:Source) ON (n.published)',
    ],
  },
  {
    version: 4,
    name: 'index on the organisation an attendee represented',
    // Organisation → dialogues and commonThemes of an organisation look attendance up by onBehalfOf.
    statements: ['CREATE INDEX attended_on_behalf_of IF NOT EXISTS FOR ()-[r:ATTENDED]-() ON (r.onBehalfOf)'],
  },
  {
    version: 5,
    name: 'fulltext indexes for ranked search and autocomplete',
    statements: [
      // One document per normalised name or alias, with its label as a field: type filters go inside the
      // Lucene query, and a short name is not diluted by its entity's other aliases. Names are normalised
      // already, so no stop words are dropped ("of", "and" are part of names).
      `CREATE FULLTEXT INDEX name_search IF NOT EXISTS FOR (n:Name) ON EACH [n.norm, n.label]
       OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-no-stop-words', \`fulltext.eventually_consistent\`: false } }`,
      // Text below names in the ranking: summaries of dialogues and agreements, and the notes of what was discussed.
      `CREATE FULLTEXT INDEX entity_summaries IF NOT EXISTS FOR (n:Dialogue|Agreement) ON EACH [n.summary]
       OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-folding', \`fulltext.eventually_consistent\`: false } }`,
      `CREATE FULLTEXT INDEX discussed_notes IF NOT EXISTS FOR ()-[r:DISCUSSED]-() ON EACH [r.notes]
       OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-folding', \`fulltext.eventually_consistent\`: false } }`,
    ],
  },
  {
    version: 6,
    name: 'initials of names, for acronym search',
    statements: [
      'CREATE INDEX name_initials IF NOT EXISTS FOR (n:Name) ON (n.initials)',
      // Names loaded before this migration; the loader sets initials on every Name it creates from now on.
      `MATCH (n:Name) WHERE n.label <> 'Person' AND n.initials IS NULL
       CALL (n) { SET n.initials = ${initialsExpr('n.norm')} } IN TRANSACTIONS OF 10000 ROWS`,
    ],
  },
  {
    version: 7,
    name: 'change history and source revisions',
    statements: [
      'CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (c:Change) REQUIRE c.seq IS UNIQUE',
      'CREATE INDEX change_source IF NOT EXISTS FOR (c:Change) ON (c.sourceId)',
      'CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at)',
      // Ids of entities merged into others: they keep resolving to the survivor.
      'CREATE CONSTRAINT merged_id IF NOT EXISTS FOR (m:MergedId) REQUIRE m.id IS UNIQUE',
    ],
  },
];

export const LATEST_MIGRATION = Math.max(...MIGRATIONS.map((m) => m.version));

const APPLIED = 'MATCH (m:SchemaMigration) RETURN m.version AS version';
const RECORD = 'MERGE (m:SchemaMigration {version: $version}) SET m.name = $name, m.appliedAt = datetime()';

export async function appliedVersions(executor: GraphExecutor): Promise<Set<number>> {
  const rows = await executor.read(APPLIED);
  return new Set(rows.map((r) => Number(r.version)));
}

/** Applies every migration not yet recorded; returns the versions applied now. */
export async function migrate(executor: GraphExecutor): Promise<number[]> {
  const done = await appliedVersions(executor);
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    for (const statement of m.statements) await executor.runSchema(statement);
    await executor.write(RECORD, { version: m.version, name: m.name });
    applied.push(m.version);
  }
  // Fulltext indexes populate asynchronously; wait so that the first search after start sees every name.
  if (applied.length > 0) await executor.runSchema('CALL db.awaitIndexes(300)');
  return applied;
}

/** True when every known migration is recorded (used by /readyz). */
export async function isMigrated(executor: GraphExecutor): Promise<boolean> {
  const done = await appliedVersions(executor);
  return MIGRATIONS.every((m) => done.has(m.version));
}
