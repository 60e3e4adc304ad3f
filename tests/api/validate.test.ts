// Query.validateReadout: the loader's own issues (syntax, schema, vocabulary, references against the graph) with
// paths and lines, the same ones ingestReadout refuses with, for any reader, and never a write to the graph.
import type { GraphExecutor } from '../../graph/executor';
import { EDITOR_TOKEN, useSeededServer, type TestServer } from '../helpers/api';
import { snapshot } from '../helpers/graph';

let executor: GraphExecutor;
let server: TestServer;

useSeededServer((e, s) => {
  executor = e;
  server = s;
});

// Line numbers below are counted in this text: `role` is on line 16, `themes` on line 17.
const READOUT = `format: readout/v1
source:
  title: Note on a video call about cyber training
  publisher: Test suite
  published: 2024-07-10
  kind: readout
dialogue:
  name: India–US cyber training video call
  start: 2024-07-10
  countries: [IN, US]
people:
  - name: Ajay Bhalla
    country: IN
    title: Home Secretary
    organization: MHA
    role: co_chair
themes: [police training, cybersecurity]
`;

interface Issue {
  path: string;
  line: number | null;
  message: string;
}

const VALIDATE = `query ($r: String!, $f: ReadoutFormat) { validateReadout(readout: $r, format: $f) { path line message } }`;
const INGEST = `mutation ($r: String!) { ingestReadout(readout: $r, dryRun: true) { nodesCreated } }`;

async function validate(readout: string, format?: 'YAML' | 'JSON'): Promise<Issue[]> {
  const res = await server.gql<{ validateReadout: Issue[] }>(VALIDATE, { r: readout, f: format });
  expect(res.errors).toBeUndefined();
  return res.data?.validateReadout ?? [];
}

/** What the loader itself says about `readout` (a dry run, so nothing is kept either way). */
async function loaderIssues(readout: string): Promise<Issue[]> {
  const res = await server.gql(INGEST, { r: readout }, { authorization: `Bearer ${EDITOR_TOKEN}` });
  if (res.errors === undefined) return [];
  expect(res.errors[0]?.extensions?.code).toBe('INVALID_READOUT');
  const issues = res.errors[0]?.extensions?.issues as { path: string; line?: number; message: string }[];
  return issues.map((i) => ({ path: i.path, line: i.line ?? null, message: i.message }));
}

test('a readout the loader accepts has no issues, without a token, and the graph is unchanged', async () => {
  const before = await snapshot(executor);
  expect(await validate(READOUT)).toEqual([]);
  expect(await loaderIssues(READOUT)).toEqual([]);
  expect(await snapshot(executor)).toEqual(before);
});

test('the same readout as JSON validates too; a JSON syntax error gets its line', async () => {
  const json = JSON.stringify(
    {
      format: 'readout/v1',
      source: { title: 'A JSON note', publisher: 'Test suite', published: '2024-07-11', kind: 'readout' },
      dialogue: { name: 'A JSON call', start: '2024-07-11', countries: ['IN', 'US'] },
      themes: ['police training'],
    },
    null,
    2,
  );
  expect(await validate(json, 'JSON')).toEqual([]);
  const broken = json.replace('"A JSON call",', '"A JSON call"');
  const [issue, ...rest] = await validate(broken, 'JSON');
  expect(rest).toEqual([]);
  expect(issue?.path).toBe('');
  expect(issue?.line).toBe(json.split('\n').findIndex((l) => l.includes('"start"')) + 1);
  expect(issue?.message).toMatch(/^malformed JSON at line \d+/);
});

test.each([
  {
    what: 'malformed YAML',
    edit: (r: string) => r.replace('  countries: [IN, US]', '  countries: [IN, US'),
    path: '',
    line: 11,
    message: /^malformed YAML at line 11/,
  },
  {
    what: 'a role outside the vocabulary',
    edit: (r: string) => r.replace('role: co_chair', 'role: chairman'),
    path: 'people[0].role',
    line: 16,
    message: /"chairman" is not allowed; expected one of .*co_chair/,
  },
  {
    what: 'an unknown theme',
    edit: (r: string) => r.replace('cybersecurity]', 'space piracy]'),
    path: 'themes[1]',
    line: 17,
    message: /unknown theme "space piracy".*data\/themes\.yaml/,
  },
  {
    what: 'an organisation neither in the readout nor in the graph',
    edit: (r: string) => r.replace('organization: MHA', 'organization: Ministry of Magic'),
    path: 'people[0].organization',
    line: 15,
    message: /Ministry of Magic/,
  },
])(
  '$what: the loader’s issue, with path and line; nothing written',
  async ({ edit, path, line, message }) => {
    const before = await snapshot(executor);
    const bad = edit(READOUT);
    const issues = await validate(bad);
    const issue = issues.find((i) => i.path === path);
    expect(issue).toBeDefined();
    expect(issue?.line).toBe(line);
    expect(issue?.message).toMatch(message);
    // Exactly what the loader refuses the readout with.
    expect(issues).toEqual(await loaderIssues(bad));
    expect(await snapshot(executor)).toEqual(before);
  },
);

test('every problem is listed at once, each on its own line', async () => {
  const bad = READOUT.replace('role: co_chair', 'role: chairman').replace(
    'countries: [IN, US]',
    'countries: []',
  );
  const issues = await validate(bad);
  expect(issues.map((i) => [i.path, i.line])).toEqual(
    expect.arrayContaining([
      ['dialogue.countries', 10],
      ['people[0].role', 16],
    ]),
  );
});

test('text that is not a readout: an empty document, a list, another format', async () => {
  expect(await validate('')).toEqual([
    { path: '', line: null, message: expect.stringMatching(/empty.*format: readout\/v1/) as string },
  ]);
  expect((await validate('- a\n- b\n'))[0]?.message).toMatch(/not a mapping/);
  const v2 = await validate(READOUT.replace('readout/v1', 'readout/v2'));
  expect(v2).toEqual([{ path: 'format', line: 1, message: expect.stringContaining('readout/v1') as string }]);
});
