// Every query in the README's "Questions you can ask" runs against the seed data and its answer contains what
// the `<!-- expect: … -->` comment above it names, so the examples cannot rot.
import { useSeededServer, type TestServer } from '../helpers/api';
import { README_QUESTIONS as questions } from '../helpers/readmeQuestions';

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
