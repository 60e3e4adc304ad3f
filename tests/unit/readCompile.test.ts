// The compiled Cypher of the README's questions, as snapshots: a change to the field table or the compiler shows
// up as a readable diff of the statements Neo4j will run. No database here; the answers are checked against the
// real Neo4j in tests/api (readme-questions, differential).
import { buildSchema, isObjectType, Kind, parse } from 'graphql';
import { Build, MAX_SUBQUERIES, projectObject } from '../../graph/read/compile';
import { compileDocument } from '../../graph/read/root';
import { ROOTS } from '../../graph/read/roots';
import { loadTypeDefs } from '../../resolvers/index';
import { README_QUESTIONS } from '../helpers/readmeQuestions';

const schema = buildSchema(loadTypeDefs());

test.each(README_QUESTIONS.map((q) => [q.title, q.query] as const))('%s', (_title, query) => {
  const compiled = compileDocument(schema, parse(query), ROOTS);
  // The compiler sends one line; a key a line reads better in a diff.
  const pretty = (cypher: string) => cypher.replace(/ (`\w+`: )/g, '\n$1');
  const text = [...compiled].map(([key, c]) => `-- ${key}\n${pretty(c.cypher)}`).join('\n');
  if (query.includes('subgraph(')) expect(compiled.size).toBe(0);
  else expect(compiled.size).toBeGreaterThan(0);
  expect(text).toMatchSnapshot();
});

test('the text depends on the document only: variables become parameters, never text', () => {
  const doc = parse('query($at: Date) { organization(id: "org:x") { members(at: $at) { title } } }');
  const a = compileDocument(schema, doc, ROOTS).get('organization');
  const b = compileDocument(schema, doc, ROOTS).get('organization');
  expect(a?.cypher).toBe(b?.cypher);
  expect(a?.cypher).not.toContain('org:x');
  expect(a?.cypher).toMatch(/\$a\d+_from/);
});

test('two aliases of one field with different arguments compile to two subqueries with their own parameters', () => {
  const doc = parse(`{ organization(id: "org:x") {
    now: members(at: "2024") { title } then: members(at: "2019") { title } } }`);
  const c = compileDocument(schema, doc, ROOTS).get('organization');
  expect(c?.cypher).toContain('`now`: COLLECT');
  expect(c?.cypher).toContain('`then`: COLLECT');
  const fromParams = new Set(c?.cypher.match(/\$a\d+_from/g));
  expect(fromParams.size).toBe(2);
});

test('@include with a variable becomes a guarded subquery, not a different text', () => {
  const doc = parse(
    'query($c: Boolean!) { person(id: "person:x") { name counterparts @include(if: $c) { person { name } } } }',
  );
  const c = compileDocument(schema, doc, ROOTS).get('person');
  expect(c?.cypher).toMatch(/`counterparts`: CASE WHEN \$g\d+ THEN COLLECT/);
});

test('a selection over the subquery budget is refused before Neo4j, naming where', () => {
  const deep = (n: number): string => (n === 0 ? 'name' : `counterparts { person { ${deep(n - 1)} } }`);
  const doc = parse(`{ person(id: "person:x") { ${deep(5)} } }`);
  expect(() => compileDocument(schema, doc, ROOTS)).toThrow(/rows \(at person\.counterparts/);
  const person = schema.getType('Person');
  if (!isObjectType(person)) throw new Error('no Person');
  const wide = parse(
    `{ x { ${Array.from({ length: MAX_SUBQUERIES + 1 }, (_, i) => `a${i}: sources { id }`).join(' ')} } }`,
  );
  const op = wide.definitions[0];
  if (op?.kind !== Kind.OPERATION_DEFINITION) throw new Error('no operation');
  const field = op.selectionSet.selections[0];
  const set = field?.kind === Kind.FIELD ? field.selectionSet : undefined;
  if (set === undefined) throw new Error('no field');
  expect(() =>
    projectObject(new Build(schema, {}), person, [set], new Map([['n', 'n']]), [], 'x', 1),
  ).toThrow(/more than 120 relationship fields/);
});
