// Query.draftReadout over HTTP: no token needed, the draft with evidence, graph matches and the loader's issues;
// bad input refused with BAD_USER_INPUT; the graph untouched either way.
import type { GraphExecutor } from '../../graph/executor';
import { useSeededServer, type TestServer } from '../helpers/api';
import { snapshot } from '../helpers/graph';

let executor: GraphExecutor;
let server: TestServer;
useSeededServer((e, s) => {
  executor = e;
  server = s;
});

// Invented release text.
const RELEASE = `Oslo, 4 March 2025

The second India–Norway Police Dialogue took place in Oslo from 2 to 3 March 2025. It was co-chaired by
Ms Kari Lunde, Police Director of the Norwegian Police Directorate (POD), and Shri Vivek Rao, Joint
Secretary at the MHA. They reviewed counter-terrorism cooperation and cybercrime.`;

const DRAFT = `query ($t: String!, $p: Date) { draftReadout(text: $t, published: $p, publisher: "Test desk") {
  yaml readout checks
  evidence { path value text line column confidence }
  matches { path name isNew node { id __typename } }
  issues { path line message } } }`;

interface Draft {
  yaml: string;
  readout: { dialogue: Record<string, unknown>; source: Record<string, unknown> };
  checks: string[];
  evidence: { path: string; value: string; text: string; line: number; column: number; confidence: number }[];
  matches: { path: string; name: string; isNew: boolean; node: { id: string } | null }[];
  issues: { path: string; message: string }[];
}

test('drafts a readout with evidence, matches and issues, without a token and without writing', async () => {
  const before = await snapshot(executor);
  const res = await server.gql<{ draftReadout: Draft }>(DRAFT, { t: RELEASE });
  expect(res.errors).toBeUndefined();
  const d = res.data?.draftReadout;
  expect(d?.readout.dialogue).toMatchObject({
    name: '2nd India–Norway Police Dialogue',
    edition: 2,
    start: '2025-03-02',
    end: '2025-03-03',
    city: 'Oslo',
    host: 'NO',
  });
  expect(d?.readout.source).toMatchObject({ publisher: 'Test desk', published: '2025-03-04' });
  const city = d?.evidence.find((e) => e.path === 'dialogue.city');
  expect(city).toMatchObject({ text: 'Oslo', line: 3 });
  expect(city?.confidence).toBeGreaterThan(0);
  const mha = d?.matches.find((m) => m.name === 'Ministry of Home Affairs');
  expect(mha).toMatchObject({ isNew: false, node: { id: 'org:in:ministry-of-home-affairs' } });
  expect(d?.matches.find((m) => m.name === 'Norwegian Police Directorate')).toMatchObject({
    isNew: true,
    node: null,
  });
  expect(d?.issues.map((i) => i.path)).toContain('dialogue.summary');
  expect(d?.checks.some((c) => c.startsWith('dialogue.summary'))).toBe(true);
  expect(d?.yaml).toContain('# check:');
  expect(await snapshot(executor)).toEqual(before);
});

test.each([
  ['empty text', '   ', /empty/],
  ['binary bytes', 'PK\u0003\u0004\u0000\u0000\u0001\u0002 zip', /binary/],
  ['oversized text', 'word '.repeat(50_000), /at most/],
  ['no meeting in it', 'The ministry published its annual budget figures today.', /No dialogue or meeting/],
])('%s is refused with BAD_USER_INPUT', async (_what, text, message) => {
  const res = await server.gql(DRAFT, { t: text });
  expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(res.errors?.[0]?.message).toMatch(message);
});

test('a malformed published date is refused by the Date scalar', async () => {
  const res = await server.gql(DRAFT, { t: RELEASE, p: '2025-13-40' });
  expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});
