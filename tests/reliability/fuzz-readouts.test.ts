// Fuzzing the ingest path with fast-check: broken and borderline readouts (wrong types, huge strings, homoglyphs
// and bidi marks in names, deep nesting, duplicate keys, impossible dates, partOf cycles, missing and extra fields,
// JSON read as YAML and back, alias bombs, garbage). Every one must end in a clean success or an
// InvalidReadoutError whose issues name file, path and message; never another exception, never a partial write.
// ~300 runs in `npm test`; `npm run soak` runs 10,000 (FUZZ_RUNS), then 1,000 differential documents (DIFF_RUNS).
import fc from 'fast-check';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { InvalidReadoutError } from '../../graph/errors';
import type { GraphExecutor } from '../../graph/executor';
import { ingestReadouts, type ReadoutInput } from '../../graph/readout/ingest';
import { fixture, resetGraph, seed, seedInputs, snapshot } from '../helpers/graph';
import { differentialSuite } from '../reference/differential';
import { patientExecutor, sizeFromEnv, SOAK } from './helpers';

const RUNS = sizeFromEnv('FUZZ_RUNS', 300, 10000);
/** The graph is put back to the seed after this many successful ingests, so snapshots stay cheap. */
const RESET_EVERY = 200;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

// --- Names: plain words, then homoglyphs, bidi and invisible marks, combining marks, odd spaces, lone surrogates.
const WORDS = [
  'Ministry',
  'Home',
  'Affairs',
  'Border',
  'Police',
  'Academy',
  'Ajay',
  'Bhalla',
  'Simon',
  'Office',
];
const CONFUSABLES = ['а', 'е', 'о', 'р', 'с', 'І', 'Α', 'Ο', 'ｍ', 'ℌ', 'ı', 'ß', 'ﬁ'];
const MARKS = [
  '\u200f',
  '\u200e',
  '\u202e',
  '\u202a',
  '\u2066',
  '\u200d',
  '\u200b',
  '\ufeff',
  '\u0301',
  '\u00a0',
];
const ODD = [
  '\u3000',
  '\t',
  '\n',
  '\r\n',
  '\\',
  '"',
  "'",
  '`',
  '${x}',
  '%s',
  '\u0000',
  '\ud800',
  '🛂',
  'नमस्ते',
  'שלום',
];

const wordsArb = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const spiced = fc
  .tuple(
    wordsArb,
    fc.array(fc.tuple(fc.nat(60), fc.constantFrom(...CONFUSABLES, ...MARKS, ...ODD)), { maxLength: 4 }),
  )
  .map(([base, inserts]) =>
    inserts.reduce(
      (s, [at, ch]) => s.slice(0, at % (s.length + 1)) + ch + s.slice(at % (s.length + 1)),
      base,
    ),
  );
const nameArb = fc.oneof(
  { weight: 6, arbitrary: wordsArb },
  { weight: 4, arbitrary: spiced },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 6000 }).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u200b', '\u202e', 'MHA', 'Mr', 'Dr.') },
);

const DATES: Json[] = [
  '2024',
  '2024-02',
  '2024-02-29',
  '2025-01-01',
  2024,
  '2024-02-30',
  '2023-02-29',
  '2024-13-01',
  '2024-00-10',
  '2024-1-1',
  '0999',
  '10000',
  '',
  '２０２４',
  '2024-02-29T00:00:00Z',
  2024.5,
  -1,
  null,
  true,
  '2024-02-31',
];
const dateArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<Json>('2024', '2024-02', '2024-02-29', '2025-01-01') },
  {
    weight: 2,
    arbitrary: fc.constantFrom<Json>(...DATES),
  },
);
const GOOD_COUNTRIES = ['IN', 'GB', 'US', 'EX', 'FR'];
const countryArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...GOOD_COUNTRIES) },
  { weight: 1, arbitrary: fc.constantFrom('in', 'XX', 'GBR', '', 'UK', 'İN', 'ＩＮ') },
);
const THEMES = [
  'counter-terrorism',
  'extradition',
  'drug trafficking',
  'cyber security',
  'migration',
  'no such theme',
];

interface Plan {
  title: string;
  publisher: string;
  published: Json;
  kind: string;
  url: string | undefined;
  dialogue: string;
  start: Json;
  end: Json | undefined;
  countries: string[];
  orgs: { name: string; country: string; kind: string; alias: string | undefined }[];
  cycle: boolean;
  people: { name: string; country: string; org: number; role: string; title: string }[];
  themes: string[];
  agreement: boolean;
  stray: boolean;
}

interface Pools {
  name: fc.Arbitrary<string>;
  date: fc.Arbitrary<Json>;
  country: fc.Arbitrary<string>;
  sourceKinds: string[];
  orgKinds: string[];
  roles: string[];
  cycle: fc.Arbitrary<boolean>;
  minCountries: number;
  url: fc.Arbitrary<string>;
  /** A reference to an organisation that exists nowhere: refused only once the graph has been read. */
  stray: fc.Arbitrary<boolean>;
}

function planArb(p: Pools): fc.Arbitrary<Plan> {
  return fc.record({
    title: p.name,
    publisher: p.name,
    published: p.date,
    kind: fc.constantFrom(...p.sourceKinds),
    url: fc.option(p.url, { nil: undefined, freq: 2 }),
    dialogue: p.name,
    start: p.date,
    end: fc.option(p.date, { nil: undefined }),
    countries: fc.uniqueArray(p.country, { minLength: p.minCountries, maxLength: 3 }),
    orgs: fc.array(
      fc.record({
        name: p.name,
        country: p.country,
        kind: fc.constantFrom(...p.orgKinds),
        alias: fc.option(p.name, { nil: undefined }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    cycle: p.cycle,
    people: fc.array(
      fc.record({
        name: p.name,
        country: p.country,
        org: fc.nat(5),
        role: fc.constantFrom(...p.roles),
        title: p.name,
      }),
      { maxLength: 4 },
    ),
    themes: fc.uniqueArray(fc.constantFrom(...THEMES), { maxLength: 3 }),
    agreement: fc.boolean(),
    stray: p.stray,
  });
}

/** Borderline but well-formed: homoglyphs and bidi marks in names, valid dates and codes; many of these load. */
const borderlinePlan = planArb({
  name: fc.oneof(
    { weight: 3, arbitrary: wordsArb },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          wordsArb,
          fc.array(fc.tuple(fc.nat(60), fc.constantFrom(...CONFUSABLES, ...MARKS)), { maxLength: 3 }),
        )
        .map(([base, inserts]) =>
          inserts.reduce(
            (s, [at, ch]) => s.slice(0, at % (s.length + 1)) + ch + s.slice(at % (s.length + 1)),
            base,
          ),
        ),
    },
  ),
  date: fc.constantFrom<Json>('2024', '2024-02', '2024-02-29', '2025-01-01', 2023),
  country: fc.constantFrom('IN', 'GB', 'US'),
  sourceKinds: ['news', 'readout', 'press_release', 'joint_statement'],
  orgKinds: ['ministry', 'agency', 'academy', 'department'],
  roles: ['co_chair', 'head_of_delegation', 'delegate', 'participant'],
  cycle: fc.nat(4).map((n) => n === 0),
  stray: fc.nat(4).map((n) => n === 0),
  minCountries: 2,
  url: fc.nat(1000).map((n) => `https://news.example/item/${n}`),
});

/** Anything goes: odd characters, huge strings, impossible dates, bad codes and kinds, partOf cycles. */
const wildPlan = planArb({
  name: nameArb,
  date: dateArb,
  country: countryArb,
  sourceKinds: ['news', 'readout', 'press_release', 'joint_statement', 'blog'],
  orgKinds: ['ministry', 'agency', 'academy', 'department', 'embassy'],
  roles: ['co_chair', 'head_of_delegation', 'delegate', 'participant', 'observer'],
  cycle: fc.boolean(),
  stray: fc.boolean(),
  minCountries: 1,
  url: fc.oneof(
    fc.webUrl(),
    fc.constantFrom('ftp://x.example/a', 'javascript:alert(1)', 'http://', 'https://ex.example/\u202e'),
  ),
});

/** A readout object from a plan: well-formed where the plan is, so that many runs reach the graph and succeed. */
function fromPlan(p: Plan): Obj {
  const orgs: Obj[] = p.orgs.map((o, i) => {
    const org: Obj = { name: o.name, country: o.country, kind: o.kind };
    if (o.alias !== undefined) org.aliases = [o.alias];
    // A cycle A → B → … → A through partOf, or a plain chain.
    const parent = p.orgs[(i + 1) % p.orgs.length];
    if (parent !== undefined && (p.cycle || i + 1 < p.orgs.length) && p.orgs.length > 1)
      org.partOf = parent.name;
    return org;
  });
  const readout: Obj = {
    format: 'readout/v1',
    source: { title: p.title, publisher: p.publisher, published: p.published, kind: p.kind },
    dialogue: { name: p.dialogue, start: p.start, countries: p.countries },
    organizations: orgs,
    people: p.people.map((x) => ({
      name: x.name,
      country: x.country,
      title: x.title,
      organization: p.stray ? 'Ministry of Nowhere' : (p.orgs[x.org % p.orgs.length]?.name ?? 'Nobody'),
      role: x.role,
    })),
    themes: p.themes,
  };
  if (p.url !== undefined) (readout.source as Obj).url = p.url;
  if (p.end !== undefined) (readout.dialogue as Obj).end = p.end;
  if (p.agreement && p.orgs.length >= 2)
    readout.agreements = [
      { name: `Agreement on ${p.dialogue}`, kind: 'mou', parties: p.orgs.slice(0, 2).map((o) => o.name) },
    ];
  return readout;
}

// --- Structural mutations of a readout object: wrong types, missing and extra fields, deep values.
function paths(v: Json, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = at.length > 0 ? [at] : [];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

function parentOf(root: Json, path: (string | number)[]): { parent: Json; key: string | number } | undefined {
  let at: Json = root;
  for (const k of path.slice(0, -1)) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (Array.isArray(at) ? at[k as number] : at[k as string]) ?? null;
  }
  const key = path[path.length - 1];
  return key === undefined ? undefined : { parent: at, key };
}

const wrongValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  nameArb,
  fc.integer({ min: 1, max: 400 }).map((d) => JSON.parse('['.repeat(d) + ']'.repeat(d)) as Json),
) as fc.Arbitrary<Json>;

type Mutation =
  | { op: 'set'; pick: number; value: Json }
  | { op: 'delete'; pick: number }
  | { op: 'extra'; pick: number; key: string; value: Json };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), pick: fc.nat(), value: wrongValue }),
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({
    op: fc.constant('extra' as const),
    pick: fc.nat(),
    key: fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'id', 'notes', 'Name'),
      fc.string({ maxLength: 8 }),
    ),
    value: wrongValue,
  }),
);

function mutate(root: Obj, m: Mutation): Obj {
  const copy = JSON.parse(JSON.stringify(root)) as Obj;
  const all = paths(copy);
  const path = all[m.pick % Math.max(all.length, 1)];
  if (path === undefined) return copy;
  const loc = parentOf(copy, path);
  if (loc === undefined || loc.parent === null || typeof loc.parent !== 'object') return copy;
  const parent = loc.parent;
  if (m.op === 'set') {
    if (Array.isArray(parent)) parent[loc.key as number] = m.value;
    else parent[loc.key as string] = m.value;
  } else if (m.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(loc.key as number, 1);
    else delete parent[loc.key as string];
  } else {
    const target = Array.isArray(parent) ? parent[loc.key as number] : parent[loc.key as string];
    const obj = target !== null && typeof target === 'object' && !Array.isArray(target) ? target : copy;
    Object.defineProperty(obj, m.key, {
      value: m.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

// --- Text-level damage: duplicate keys, alias bombs, deep nesting, truncation, BOM, CRLF, format mix-ups.
type TextMutation =
  'none' | 'duplicateKey' | 'aliasBomb' | 'deepList' | 'deepMap' | 'truncate' | 'bom' | 'crlf' | 'huge';
const textMutationArb = fc.oneof(
  { weight: 10, arbitrary: fc.constant<TextMutation>('none') },
  {
    weight: 4,
    arbitrary: fc.constantFrom<TextMutation>(
      'duplicateKey',
      'aliasBomb',
      'deepList',
      'deepMap',
      'truncate',
      'bom',
      'crlf',
      'huge',
    ),
  },
);

function aliasBomb(): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 9; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n`;
}

function damage(text: string, fmt: 'json' | 'yaml', m: TextMutation, cut: number, depth: number): string {
  switch (m) {
    case 'none':
      return text;
    case 'duplicateKey':
      return fmt === 'json' ? text.replace('{', '{"format": "readout/v1", ') : `format: readout/v1\n${text}`;
    case 'aliasBomb':
      return fmt === 'json' ? `${aliasBomb()}${text}` : `${aliasBomb()}${text}`;
    case 'deepList':
      return fmt === 'json'
        ? text.replace('{', `{"deep": ${'['.repeat(depth)}${']'.repeat(depth)}, `)
        : `deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n${text}`;
    case 'deepMap':
      return fmt === 'json'
        ? text.replace('{', `{"deep": ${'{"a": '.repeat(depth)}1${'}'.repeat(depth)}, `)
        : `${Array.from({ length: Math.min(depth, 300) }, (_, i) => `${'  '.repeat(i)}a:`).join('\n')} 1\n${text}`;
    case 'truncate':
      return text.slice(0, cut % (text.length + 1));
    case 'bom':
      return `\ufeff${text}`;
    case 'crlf':
      return text.replace(/\n/g, '\r\n');
    case 'huge':
      return fmt === 'json'
        ? text.replace('{', `{"pad": "${'x'.repeat(1024 * 1024)}", `)
        : `# ${'x'.repeat(1024 * 1024)}\n${text}`;
  }
}

const bases: Obj[] = [
  ...seedInputs().map((i) => parseYaml(i.text) as Obj),
  JSON.parse(fixture('example.json')) as Obj,
];

/**
 * Readouts that are valid on their own and refused only once the loader reads the graph (the seed is always
 * there): the refusals whose "nothing written" matters most would otherwise be rare draws (~1% of runs).
 */
const graphConflict = (organizations: Obj[], n: number): Obj => ({
  format: 'readout/v1',
  source: { title: `Graph conflict ${n}`, publisher: 'Fuzz', published: '2025', kind: 'news' },
  dialogue: { name: `Graph conflict dialogue ${n}`, start: '2025-01-01', countries: ['IN', 'US'] },
  organizations,
});
const graphConflicts: Obj[] = [
  // partOf cycles that close only through the graph's own PART_OF edges.
  graphConflict([{ name: 'MHA', country: 'IN', kind: 'ministry', partOf: 'National Police Academy' }], 1),
  graphConflict([{ name: 'DHS', country: 'US', kind: 'ministry', partOf: 'FLETC' }], 2),
  // Two entries that the graph's aliases reveal as one organisation.
  graphConflict(
    [
      { name: 'MHA', country: 'IN', kind: 'ministry' },
      { name: 'Ministry of Home Affairs', country: 'IN', kind: 'ministry' },
    ],
    3,
  ),
];

const inputArb: fc.Arbitrary<ReadoutInput & { label: string }> = fc
  .record({
    base: fc.oneof(
      { weight: 3, arbitrary: borderlinePlan.map(fromPlan) },
      { weight: 3, arbitrary: wildPlan.map(fromPlan) },
      { weight: 1, arbitrary: fc.constantFrom(...bases) },
      { weight: 1, arbitrary: fc.constantFrom(...graphConflicts) },
    ),
    mutations: fc.oneof(
      { weight: 3, arbitrary: fc.constant<Mutation[]>([]) },
      { weight: 2, arbitrary: fc.array(mutationArb, { minLength: 1, maxLength: 3 }) },
    ),
    fmt: fc.constantFrom<'json' | 'yaml'>('json', 'yaml'),
    declared: fc.constantFrom<'same' | 'other' | 'extension'>('same', 'same', 'other', 'extension'),
    text: textMutationArb,
    cut: fc.nat(),
    depth: fc.integer({ min: 10, max: 20000 }),
    garbage: fc.oneof(
      { weight: 12, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
      { weight: 1, arbitrary: fc.json() },
    ),
  })
  .map(({ base, mutations, fmt, declared, text, cut, depth, garbage }) => {
    const obj = mutations.reduce(mutate, base);
    const serialized =
      fmt === 'json'
        ? JSON.stringify(obj, null, 2)
        : toYaml(obj, { lineWidth: 0, aliasDuplicateObjects: false });
    const body = garbage ?? damage(serialized, fmt, text, cut, depth);
    const format =
      declared === 'extension' ? undefined : declared === 'same' ? fmt : fmt === 'json' ? 'yaml' : 'json';
    const file = `fuzz/readout.${fmt}`;
    return {
      file,
      text: body,
      format,
      label: `${fmt} as ${format ?? 'extension'}, text ${garbage === undefined ? text : 'garbage'}, ${mutations.length} mutation(s)`,
    };
  });

let executor: GraphExecutor;

beforeAll(async () => {
  executor = patientExecutor();
  await resetGraph(executor);
  await seed(executor);
}, 300000);
afterAll(async () => {
  await executor?.close();
});

test(`${RUNS} fuzzed readouts: clean success or InvalidReadoutError with issues; no partial write`, async () => {
  let expected = await snapshot(executor);
  const outcomes = { ok: 0, invalid: 0 };
  let refusedByGraph = 0;
  let slowest = { ms: 0, label: '' };
  let sinceReset = 0;
  const reasons = new Map<string, number>();
  const spent = { ingestOk: 0, ingestInvalid: 0, checks: 0 };
  await fc.assert(
    fc.asyncProperty(inputArb, async ({ label, ...input }) => {
      const started = Date.now();
      const statementsBefore = executor.statementCount;
      let error: unknown;
      let sourceId: string | undefined;
      let dialogueId: string | undefined;
      try {
        const report = await ingestReadouts(executor, [input]);
        sourceId = report.readouts[0]?.sourceId;
        dialogueId = report.readouts[0]?.dialogueId;
      } catch (e) {
        error = e;
      }
      const ms = Date.now() - started;
      if (ms > slowest.ms) slowest = { ms, label };
      const checksStarted = Date.now();
      if (error === undefined) spent.ingestOk += ms;
      else spent.ingestInvalid += ms;
      try {
        await check(error, sourceId, dialogueId, input, label, executor.statementCount > statementsBefore);
      } finally {
        spent.checks += Date.now() - checksStarted;
      }
    }),
    { numRuns: RUNS, endOnFailure: true },
  );
  /** `reachedGraph`: the ingest sent at least one statement; when it sent none it cannot have written. */
  async function check(
    error: unknown,
    sourceId: string | undefined,
    dialogueId: string | undefined,
    input: ReadoutInput,
    label: string,
    reachedGraph: boolean,
  ) {
    if (error === undefined) {
      outcomes.ok += 1;
      // The whole readout is there: its source, mentioning its dialogue. (Two readouts with the same source URL
      // are one document: its Source then mentions both dialogues.)
      const rows = await executor.read(
        'MATCH (s:Source {id: $id})-[:MENTIONS]->(d:Dialogue {id: $dialogue}) RETURN count(d) AS n',
        { id: sourceId, dialogue: dialogueId },
      );
      expect(rows[0]?.n).toBe(1);
      sinceReset += 1;
      if (sinceReset >= RESET_EVERY) {
        await resetGraph(executor);
        await seed(executor);
        sinceReset = 0;
      }
      expected = await snapshot(executor);
      return;
    }
    if (!(error instanceof InvalidReadoutError)) {
      throw new Error(
        `${label}: expected InvalidReadoutError, got ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : JSON.stringify(error)}`,
      );
    }
    outcomes.invalid += 1;
    const reason = (error.issues[0]?.message ?? '').replace(/"[^"]*"/g, '"…"').slice(0, 60);
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    expect(error.extensions.code).toBe('INVALID_READOUT');
    expect(error.issues.length).toBeGreaterThan(0);
    for (const issue of error.issues) {
      expect(issue.file).toBe(input.file);
      expect(typeof issue.path).toBe('string');
      expect(typeof issue.message).toBe('string');
      expect(issue.message.trim()).not.toBe('');
      if (issue.line !== undefined) expect(Number.isInteger(issue.line) && issue.line >= 1).toBe(true);
    }
    // Nothing was written (an ingest that sent no statement at all cannot have written anything).
    if (reachedGraph) {
      refusedByGraph += 1;
      expect(await snapshot(executor)).toEqual(expected);
    }
  }
  process.stderr.write(
    `\nfuzz: ${RUNS} runs, ${outcomes.ok} ingested, ${outcomes.invalid} refused (${refusedByGraph} after reading the graph); slowest ${slowest.ms} ms (${slowest.label}); ` +
      `ms in ingest ${spent.ingestOk} (successes) + ${spent.ingestInvalid} (refusals), in checks ${spent.checks}\n` +
      `most frequent first issues:\n${[...reasons]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([r, n]) => `  ${n} × ${r}`)
        .join('\n')}\n`,
  );
  // The generators reach every end: success, refusal, and refusal after reading the graph. The runs are random,
  // so the bounds sit well below the usual shares (about 10%, 88% and 5%) to hold on any draw.
  expect(outcomes.ok).toBeGreaterThan(RUNS * 0.03);
  expect(outcomes.invalid).toBeGreaterThan(RUNS * 0.3);
  expect(refusedByGraph).toBeGreaterThan(0);
}, 3600000);

// `npm run soak` runs a fixed list of files (scripts/soak.ts), so the long differential test of the read path
// (tests/api/differential.test.ts at soak size) rides along here, after the fuzzing, on a freshly loaded graph.
if (SOAK) differentialSuite(sizeFromEnv('DIFF_RUNS', 1000, 1000));
