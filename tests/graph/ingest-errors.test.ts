// Every kind of bad input is refused with an issue naming file, path and line, and leaves the graph exactly as it
// was, also when the bad readout is the last of a batch of good ones.
import { InvalidReadoutError, type ReadoutIssue } from '../../graph/errors';
import type { GraphExecutor } from '../../graph/executor';
import { ingestReadouts, type ReadoutInput } from '../../graph/readout/ingest';
import { PLAN_CHUNK } from '../../graph/readout/planBatch';
import { fixture, resetGraph, seed, snapshot, testExecutor } from '../helpers/graph';

/** expect.stringMatching, typed for use inside expected objects. */
const matching = (re: RegExp) => expect.stringMatching(re) as string;

let executor: GraphExecutor;
let before: Awaited<ReturnType<typeof snapshot>>;

const EXAMPLE = fixture('example.yaml');
const FILE = 'tests/fixtures/bad.yaml';

/** example.yaml with one edit, checked so that a fixture change cannot silently turn a case into a no-op. */
function edit(find: string, replace: string, text = EXAMPLE): string {
  if (!text.includes(find)) throw new Error(`test bug: "${find}" is not in the example`);
  return text.replace(find, replace);
}

/** A small valid readout around the given organisations, people and agreements (YAML lines). */
function minimal(body: string): string {
  return `format: readout/v1
source: { title: A test document, publisher: Test, published: '2025', kind: news }
dialogue: { name: A test dialogue, start: 2025-01-01, countries: [IN, EX] }
${body}`;
}

beforeAll(async () => {
  executor = testExecutor();
  await resetGraph(executor);
  await seed(executor);
  // Two organisations called "Ministry of Interior" (EX and SM) make an ambiguous graph reference possible.
  await ingestReadouts(executor, [
    { file: 'example.yaml', text: EXAMPLE },
    {
      file: 'sm.yaml',
      text: minimal(
        'organizations:\n  - { name: Ministry of Interior, country: SM, kind: ministry }',
      ).replace('[IN, EX]', '[SM, EX]'),
    },
  ]);
  before = await snapshot(executor);
});
afterEach(async () => {
  expect(await snapshot(executor)).toEqual(before);
});
afterAll(() => executor.close());

/** Loads the inputs, expecting refusal; returns the issues. */
async function refused(inputs: ReadoutInput[]): Promise<ReadoutIssue[]> {
  const error = await ingestReadouts(executor, inputs).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidReadoutError);
  return error instanceof InvalidReadoutError ? error.issues : [];
}

const issuesOf = (text: string, file = FILE) => refused([{ file, text }]);

type Case = [name: string, text: string, expected: { path?: string; line?: number; message: RegExp }];

const CASES: Case[] = [
  [
    'malformed YAML',
    edit('  kind: press_release', ' kind: [press_release'),
    { path: '', line: 7, message: /^malformed YAML at line 7, column 1: / },
  ],
  [
    'missing required field',
    edit('  publisher: Example Ministry of Interior\n', ''),
    { path: 'source.publisher', line: 2, message: /^required$/ },
  ],
  [
    'missing required enum',
    edit('    kind: academy\n', ''),
    {
      path: 'organizations[2].kind',
      line: 26,
      message: /^required; expected one of ministry, department, agency/,
    },
  ],
  [
    'wrong type',
    edit('edition: 3', 'edition: third'),
    { path: 'dialogue.edition', line: 11, message: /^expected a number, got "third"$/ },
  ],
  [
    'a text where a list belongs',
    edit('countries: [EX, SM]\n  workingGroups', 'countries: EX SM\n  workingGroups'),
    { path: 'dialogue.countries', line: 16, message: /^expected a list, got "EX SM"$/ },
  ],
  [
    'unknown enum value',
    edit('    role: co_chair\n  - name: Sam', '    role: chair\n  - name: Sam'),
    {
      path: 'people[0].role',
      line: 38,
      message: /^"chair" is not allowed; expected one of co_chair, head_of_delegation, delegate, participant/,
    },
  ],
  [
    'unknown field (typo)',
    edit('    partOf: Ministry', '    partof: Ministry'),
    {
      path: 'organizations[2].partof',
      line: 29,
      message: /^unknown field "partof" \(did you mean "partOf"\?\)$/,
    },
  ],
  [
    'unknown field in a theme object',
    edit('    note: agreed', '    notes: agreed'),
    { path: 'themes[1].notes', line: 47, message: /did you mean "note"/ },
  ],
  [
    'impossible day',
    edit('start: 2025-05-12', 'start: 2024-02-30'),
    { path: 'dialogue.start', line: 12, message: /^2024-02-30 is not a real calendar date$/ },
  ],
  [
    'impossible month',
    edit('signed: 2025-05-13', 'signed: 2024-13'),
    { path: 'agreements[0].signed', line: 51, message: /^2024-13 is not a real calendar date$/ },
  ],
  [
    'not a date',
    edit('published: 2025-05-14', 'published: 14 May 2025'),
    {
      path: 'source.published',
      line: 6,
      message: /^expected a date as yyyy, yyyy-mm or yyyy-mm-dd, got "14 May 2025"$/,
    },
  ],
  [
    'end before start',
    edit('end: 2025-05-13', 'end: 2025-05-11'),
    { path: 'dialogue.end', line: 13, message: /^2025-05-11 is before dialogue\.start/ },
  ],
  [
    'unknown country code',
    edit(
      '  - name: Ministry of Interior\n    country: EX',
      '  - name: Ministry of Interior\n    country: UK',
    ),
    { path: 'organizations[0].country', line: 20, message: /^unknown country code UK \(did you mean GB\?\)/ },
  ],
  [
    'host not among the countries',
    edit('host: SM', 'host: IN'),
    { path: 'dialogue.host', line: 15, message: /must be one of dialogue\.countries/ },
  ],
  [
    'unresolved organisation reference',
    edit('    organization: Ministry of Interior', '    organization: Ministry of Magic'),
    {
      path: 'people[0].organization',
      line: 37,
      message: /^"Ministry of Magic" names no organisation in this readout or in the graph/,
    },
  ],
  [
    'ambiguous reference inside the readout',
    edit(
      '  - name: Border Guard Academy\n',
      '  - name: Ministry of Interior\n    country: SM\n    kind: ministry\n  - name: Border Guard Academy\n',
    ),
    {
      path: 'agreements[0].parties[0]',
      message: /matches several organisations in this readout: organizations\[0\], organizations\[2\]/,
    },
  ],
  [
    'ambiguous reference to the graph',
    minimal(
      'organizations:\n  - { name: Police Academy, country: IN, kind: academy }\nagreements:\n  - name: A test agreement\n    kind: mou\n    parties: [Police Academy, Ministry of Interior]',
    ),
    {
      path: 'agreements[0].parties[1]',
      line: 9,
      message:
        /matches 2 organisations in the graph: Ministry of Interior \(org:ex:ministry-of-interior\), Ministry of Interior \(org:sm:ministry-of-interior\)/,
    },
  ],
  [
    'unknown theme, with a suggestion',
    edit('  - border management\n', '  - border managment\n'),
    {
      path: 'themes[0]',
      line: 45,
      message: /^unknown theme "border managment" \(did you mean "border management"/,
    },
  ],
  [
    'unknown agreement theme',
    edit('    themes: [border management]', '    themes: [cybercrme]'),
    { path: 'agreements[0].themes[0]', line: 53, message: /did you mean "cybercrime"/ },
  ],
  [
    'duplicate organisation (by alias)',
    edit(
      '    country: SM\n    kind: ministry\n',
      '    country: EX\n    kind: ministry\n    aliases: [MOI]\n',
    ),
    {
      path: 'organizations[1].aliases[0]',
      line: 26,
      message: /"MOI" also names organizations\[0\] \(duplicate organisation\)/,
    },
  ],
  [
    'duplicate person (honorific aside)',
    edit('  - name: Sam Sample\n    country: SM', '  - name: Dr Jane Example\n    country: EX'),
    { path: 'people[1].name', line: 39, message: /also names people\[0\] \(duplicate person\)/ },
  ],
  [
    'duplicate theme (by alias)',
    edit('  - border management\n', '  - cyber crime\n'),
    { path: 'themes[1]', line: 46, message: /same theme as themes\[0\] \(duplicate theme\)/ },
  ],
  [
    'duplicate agreement',
    `${EXAMPLE}  - name: Memorandum of understanding on Border Guard Training\n    kind: mou\n    parties: [Ministry of Interior, Border Guard Academy]\n`,
    { path: 'agreements[1].name', line: 55, message: /also names agreements\[0\] \(duplicate agreement\)/ },
  ],
  [
    'partOf cycle inside the readout',
    edit(
      '    country: SM\n    kind: ministry\n',
      '    country: SM\n    kind: ministry\n    partOf: Border Guard Academy\n',
    ),
    {
      path: 'organizations[1].partOf',
      line: 26,
      message:
        /partOf forms a cycle: Ministry of Public Security → Border Guard Academy → Ministry of Public Security/,
    },
  ],
  [
    'partOf cycle through the graph',
    minimal(
      'organizations:\n  - name: MHA\n    country: IN\n    kind: ministry\n    partOf: National Police Academy',
    ),
    {
      path: 'organizations[0].partOf',
      line: 8,
      message: /would make Ministry of Home Affairs \(org:in:ministry-of-home-affairs\) part of itself/,
    },
  ],
  [
    'two entries for one organisation of the graph',
    minimal(
      'organizations:\n  - { name: MHA, country: IN, kind: ministry }\n  - { name: Ministry of Home Affairs, country: IN, kind: ministry }',
    ),
    {
      path: 'organizations[1]',
      line: 6,
      message: /same organisation as organizations\[0\] in the graph \(org:in:ministry-of-home-affairs\)/,
    },
  ],
];

test.each(CASES)('%s', async (_name, text, expected) => {
  const issues = await issuesOf(text);
  expect(issues).toEqual([
    {
      file: FILE,
      path: expected.path ?? (expect.any(String) as string),
      line: expected.line ?? (expect.anything() as number),
      message: matching(expected.message),
    },
  ]);
});

test('malformed JSON: file, line and column', async () => {
  const json = fixture('example.json').replace('"kind": "press_release"', '"kind": "press_release",');
  const issues = await issuesOf(json, 'tests/fixtures/bad.json');
  expect(issues).toEqual([
    {
      file: 'tests/fixtures/bad.json',
      path: '',
      line: 9,
      message: matching(/^malformed JSON at line 9, column 3: /),
    },
  ]);
});

test('a JSON readout gets paths and lines too', async () => {
  const json = fixture('example.json').replace('"role": "co_chair"', '"role": "chair"');
  const issues = await issuesOf(json, 'tests/fixtures/bad.json');
  expect(issues).toEqual([
    {
      file: 'tests/fixtures/bad.json',
      path: 'people[0].role',
      line: 51,
      message: matching(/^"chair" is not allowed/),
    },
  ]);
});

test('several problems in several files are all reported together', async () => {
  const issues = await refused([
    { file: 'a.yaml', text: edit('host: SM', 'host: GB') },
    { file: 'b.yaml', text: edit('role: co_chair', 'role: chair') },
    { file: 'c.yaml', text: edit('  - border management\n', '  - borders\n') },
  ]);
  expect(issues.map((i) => `${i.file} ${i.path}`)).toEqual([
    'a.yaml dialogue.host',
    'b.yaml people[0].role',
    'c.yaml themes[0]',
  ]);
});

test('a batch where only the last readout is bad writes nothing at all', async () => {
  const good = ['concurrent/consular-1.yaml', 'concurrent/consular-2.yaml', 'race/long-names.yaml'].map(
    (f) => ({
      file: `tests/fixtures/${f}`,
      text: fixture(f),
    }),
  );
  // The bad one refers to an organisation that only the first good one introduces: validation sees the batch.
  const bad = minimal(
    'people:\n  - { name: A Person, country: IN, title: Adviser, organization: MEA, role: delegate }\nthemes: [consular affairs, borders]',
  );
  const issues = await refused([...good, { file: 'last.yaml', text: bad }]);
  expect(issues).toEqual([
    {
      file: 'last.yaml',
      path: 'themes[1]',
      line: 6,
      message: matching(/^unknown theme "borders"/),
    },
  ]);
});

test('validation crosses chunks: a readout past the first chunk sees what the first adds; only the bad one is refused', async () => {
  const doc = (i: number, body: string): ReadoutInput => ({
    file: `chunked-${i}.yaml`,
    text: minimal(body).replace('A test document', `Chunked document ${i}`),
  });
  const member = (org: string) =>
    `people:\n  - { name: A Person, country: IN, title: Adviser, organization: ${org}, role: delegate }`;
  const inputs = [doc(0, 'organizations:\n  - { name: Coastal Patrol Command, country: IN, kind: agency }')];
  while (inputs.length < PLAN_CHUNK) inputs.push(doc(inputs.length, ''));
  // Both in the second chunk, whose graph lookups are read while the first is planned.
  inputs.push(
    doc(PLAN_CHUNK, member('Coastal Patrol Command')),
    doc(PLAN_CHUNK + 1, member('Ministry of Wizardry')),
  );
  const issues = await refused(inputs);
  expect(issues).toEqual([
    {
      file: `chunked-${PLAN_CHUNK + 1}.yaml`,
      path: 'people[0].organization',
      line: 5,
      message: matching(/^"Ministry of Wizardry" names no organisation in this readout or in the graph/),
    },
  ]);
}, 120000);

test('a batch whose second readout closes a partOf cycle through the graph and the first readout is refused', async () => {
  // Graph: National Police Academy → MHA and FLETC → DHS. The first readout adds MHA → FLETC; the second then
  // makes DHS part of the Academy, which is only a cycle through both graph edges and the staged one.
  const first = minimal(
    'organizations:\n  - { name: MHA, country: IN, kind: ministry, partOf: Federal Law Enforcement Training Centers }',
  );
  const second = minimal(
    'organizations:\n  - { name: DHS, country: US, kind: department, partOf: National Police Academy }',
  ).replace('A test document', 'Another');
  const issues = await refused([
    { file: 'first.yaml', text: first },
    { file: 'second.yaml', text: second },
  ]);
  expect(issues).toEqual([
    {
      file: 'second.yaml',
      path: 'organizations[0].partOf',
      line: 5,
      message: matching(
        /^would make Department of Homeland Security \(org:us:department-of-homeland-security\) part of itself/,
      ),
    },
  ]);
});

test('a dry run refuses bad input in the same way', async () => {
  const error = await ingestReadouts(executor, [{ file: FILE, text: edit('host: SM', 'host: IN') }], {
    dryRun: true,
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidReadoutError);
  expect((error as InvalidReadoutError).message).toMatch(
    /bad\.yaml: dialogue\.host \(line 15\): must be one of/,
  );
});
