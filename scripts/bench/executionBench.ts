// `npm run bench:execution [-- repeats]`: the cost of GraphQL execution itself, apart from Neo4j. The benchmark's entity
// question is answered once per target through the real read path; then the same document is executed over those
// decoded answers many times with graphql-js (what Apollo Server runs) and with graphql-jit, in this process, and
// the Node CPU per request of each is printed. Read-only; needs NEO4J_URI (or starts the local Neo4j).
import { makeExecutableSchema } from '@graphql-tools/schema';
import { execute, parse, type GraphQLResolveInfo } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { loadConfig } from '../../graph/config';
import { openGraph } from '../../graph/connect';
import { createLogger } from '../../graph/logger';
import { Projected } from '../../graph/read/decode';
import { readOne } from '../../graph/read/read';
import { OBJECTS } from '../../graph/read/fields';
import { createContext, type GraphContext } from '../../resolvers/context';
import { buildResolvers, loadTypeDefs } from '../../resolvers/index';
import { readProjected } from '../../resolvers/projected';
import { OURS_ENTITY } from './shapes';
import { pickTargets } from './targets';

const REPEAT = Number(process.argv[2] ?? 2000);

function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger('warn');
  const graph = await openGraph(config, log);
  try {
    const targets = await pickTargets(graph.executor, 20);
    const document = parse(OURS_ENTITY);
    const ctx: GraphContext = createContext(graph.executor, config, false);
    let captured: unknown;
    const capture = {
      Query: {
        person: async (
          _: unknown,
          args: Record<string, unknown>,
          c: GraphContext,
          info: GraphQLResolveInfo,
        ) => {
          captured = await readOne(c.executor, info, args);
          return captured;
        },
      },
    };
    const real = makeExecutableSchema({
      typeDefs: loadTypeDefs(),
      resolvers: [buildResolvers() as never, capture],
    });
    // One real answer per target, through Neo4j: what the replay below executes over.
    const answers = new Map<string, unknown>();
    for (const p of targets.people) {
      const res = await execute({
        schema: real,
        document,
        contextValue: ctx,
        variableValues: { name: p.name },
        fieldResolver: readProjected,
      });
      if (res.errors) throw new Error(res.errors[0]?.message);
      answers.set(p.name, captured);
    }
    // graphql-jit reads properties by field name unless a field has a resolver: give every compiled field the
    // default resolver explicitly, in both schemas, so both read aliases the same way.
    const perField = Object.fromEntries(
      Object.entries(OBJECTS).map(([t, spec]) => [
        t,
        Object.fromEntries(
          [...Object.keys(spec.props), ...Object.keys(spec.links)].map((f) => [f, readProjected]),
        ),
      ]),
    );
    const replay = makeExecutableSchema({
      typeDefs: loadTypeDefs(),
      resolvers: {
        ...(buildResolvers() as object),
        ...perField,
        Query: { person: (_: unknown, a: { name: string }) => answers.get(a.name) },
      } as never,
    });
    const names = targets.people.map((p) => p.name);
    const one = (i: number) => ({ name: names[i % names.length] ?? '' });
    const js = cpuMs(() => {
      for (let i = 0; i < REPEAT; i += 1)
        void execute({
          schema: replay,
          document,
          contextValue: ctx,
          variableValues: one(i),
          fieldResolver: readProjected,
        });
    });
    const compiled = compileQuery(replay, document, undefined, { customJSONSerializer: false });
    if (!isCompiledQuery(compiled)) throw new Error('graphql-jit could not compile the entity document');
    const jit = cpuMs(() => {
      for (let i = 0; i < REPEAT; i += 1) void compiled.query(undefined, ctx, one(i));
    });
    const size = JSON.stringify(
      (
        execute({
          schema: replay,
          document,
          contextValue: ctx,
          variableValues: one(0),
          fieldResolver: readProjected,
        }) as { data?: unknown }
      ).data ?? null,
    ).length;
    console.log(
      `entity document over ${names.length} real answers (first is ${size} bytes of JSON), ${REPEAT} executions each:`,
    );
    console.log(`  graphql-js execute: ${(js / REPEAT).toFixed(3)} ms CPU per request`);
    console.log(`  graphql-jit:        ${(jit / REPEAT).toFixed(3)} ms CPU per request`);
    console.log(
      `  ratio: ${(js / jit).toFixed(2)}×; Projected answers: ${[...answers.values()].every((a) => a instanceof Projected)}`,
    );
  } finally {
    await graph.close();
  }
}

void main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
