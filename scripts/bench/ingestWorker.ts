// Child process of the ingest benchmark: loads readout files with the real loader (the code path of
// `npm run load`) or the naive one, then prints one JSON line with timings, counts and its own peak RSS. A child of
// its own so that peak RSS is the loader's alone.
import { parseArgs } from 'node:util';
import { naiveLoad } from './naiveLoader';
import { prepareGraph } from '../../graph/bootstrap';
import { loadConfig } from '../../graph/config';
import { createLogger } from '../../graph/logger';
import { findReadoutFiles, readReadoutFiles } from '../../graph/readout/files';
import { draftReadouts, ingestReadouts } from '../../graph/readout/ingest';

export interface IngestWorkerResult {
  loader: 'real' | 'naive';
  readouts: number;
  /** Reading the files, validating (parse, vocabulary, graph) and writing: what `npm run load` does. */
  durationMs: number;
  /** Until every readout was validated; the rest is writing. */
  validateMs: number;
  nodesCreated: number;
  relationshipsCreated: number;
  statements: number;
  maxRssMb: number;
}

/** Long loads report progress on stderr, which the benchmark passes on, so a bounded run shows how far it got. */
const PROGRESS_EVERY = 5000;
const progress = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      uri: { type: 'string' },
      loader: { type: 'string', default: 'real' },
      limit: { type: 'string' },
    },
  });
  if (values.uri === undefined || positionals.length === 0)
    throw new Error('usage: --uri U [--loader real|naive] [--limit N] dirs…');
  const loader = values.loader === 'naive' ? 'naive' : 'real';
  const config = loadConfig();
  const graph = await prepareGraph(
    { ...config, neo4j: { ...config.neo4j, uri: values.uri } },
    createLogger('error'),
  );
  try {
    const started = Date.now();
    const files = findReadoutFiles(positionals);
    const limit = values.limit === undefined ? files.length : Number(values.limit);
    const inputs = readReadoutFiles(files.slice(0, limit));
    progress(`read ${inputs.length} files in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    let validated = 0;
    const statementsBefore = graph.executor.statementCount;
    let nodesCreated = 0;
    let relationshipsCreated = 0;
    let statements: number;
    if (loader === 'real') {
      const report = await ingestReadouts(graph.executor, inputs, {
        onProgress: (done, total) => {
          if (validated === 0) {
            validated = Date.now();
            progress(`validated ${total} readouts in ${((validated - started) / 1000).toFixed(1)} s`);
          }
          if (done % PROGRESS_EVERY === 0)
            progress(`written ${done}/${total} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
        },
      });
      nodesCreated = report.nodesCreated;
      relationshipsCreated = report.relationshipsCreated;
      statements = graph.executor.statementCount - statementsBefore;
    } else {
      const drafts = draftReadouts(inputs);
      validated = Date.now();
      statements = (await naiveLoad(graph.executor, drafts)).statements;
    }
    const result: IngestWorkerResult = {
      loader,
      readouts: inputs.length,
      durationMs: Date.now() - started,
      validateMs: validated === 0 ? 0 : validated - started,
      nodesCreated,
      relationshipsCreated,
      statements,
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    await new Promise<void>((resolve) =>
      process.stdout.write(`${JSON.stringify(result)}\n`, () => resolve()),
    );
  } finally {
    await graph.close();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
