// Every query in the README's "Questions you can ask" runs against the seed data and its answer contains what
// the `<!-- expect: … -->` comment above it names, so the examples cannot rot.
import fs from 'node:fs';
import path from 'node:path';
import { useSeededServer, type TestServer } from '../helpers/api';

const README = fs.readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
const section = README.split('## Questions you can ask')[1]?.split('\n## ')[0] ?? '';
const questions = [
  ...section.matchAll(/\*\*(.+?)\*\*\n<!-- expect: (.+?) -->\n```graphql\n([\s\S]+?)```/g),
].map((m) => ({
  title: m[1] ?? '',
  expect: (m[2] ?? '').split('|').map((s) => s.trim()),
  query: m[3] ?? '',
}));

let server: TestServer;

useSeededServer((_e, s) => {
  server = s;
});

test('the README has at least ten questions', () => {
  expect(questions.length).toBeGreaterThanOrEqual(10);
});

test.each(questions.map((q) => [q.title, q] as const))('%s', async (_title, q) => {
  const res = await server.gql(q.query);
  expect(res.errors).toBeUndefined();
  const answer = JSON.stringify(res.data);
  for (const e of q.expect) expect(answer).toContain(e);
});
