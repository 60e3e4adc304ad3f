// npm run draft -- release.txt [--published YYYY-MM-DD] [--url …] [--publisher …] [-o draft.yaml] [--no-graph]
// Drafts a readout (readout/v1 YAML with evidence comments) from a press release; reads the graph, never writes.
import fs from 'node:fs';
import { InvalidArgumentError } from 'commander';
import { loadConfig } from '../graph/config';
import { openGraph } from '../graph/connect';
import { isValidPartialDate, PARTIAL_DATE_PATTERN } from '../graph/dates';
import { draftReadout, type ReadoutDraft } from '../graph/drafter/draft';
import { createLogger } from '../graph/logger';
import { EXIT, newCommand, runCommand } from './cli';

const program = newCommand(
  'npm run draft --',
  'Drafts a readout (readout/v1 YAML) from a press release, with evidence.',
)
  .argument('[file]', 'the release as plain text or HTML; "-" or nothing reads standard input')
  .option(
    '--published <date>',
    'the release date (yyyy, yyyy-mm or yyyy-mm-dd) when the text has no dateline',
    (v) => {
      if (!PARTIAL_DATE_PATTERN.test(v) || !isValidPartialDate(v))
        throw new InvalidArgumentError('expected yyyy, yyyy-mm or yyyy-mm-dd');
      return v;
    },
  )
  .option('--url <url>', 'where the release is published', (v) => {
    if (!/^https?:\/\/\S+$/.test(v)) throw new InvalidArgumentError('expected an http:// or https:// URL');
    return v;
  })
  .option('--publisher <name>', 'who published it, when the text does not say')
  .option('-o, --output <file>', 'write the draft there instead of to standard output')
  .option('--no-graph', 'do not match entities against the graph (no Neo4j needed)');

function readInput(file: string | undefined): string {
  if (file === undefined || file === '-') return fs.readFileSync(0, 'utf8');
  if (!fs.existsSync(file)) throw new Error(`${file}: no such file`);
  return fs.readFileSync(file, 'utf8');
}

function report(d: ReadoutDraft): void {
  const news = d.matches.filter((m) => m.isNew).map((m) => m.name);
  const known = d.matches.filter((m) => !m.isNew).map((m) => `${m.name} (${m.nodeId ?? ''})`);
  process.stderr.write(
    [
      `In the graph already: ${known.length > 0 ? known.join(', ') : 'none'}`,
      `New: ${news.length > 0 ? news.join(', ') : 'none'}`,
      `To check (${d.checks.length}):`,
      ...d.checks.map((c) => `  ${c}`),
      `Loader issues until those are done: ${d.issues.length}`,
    ].join('\n') + '\n',
  );
}

async function main(): Promise<number> {
  const [file] = program.args;
  const opts = program.opts<{
    published?: string;
    url?: string;
    publisher?: string;
    output?: string;
    graph: boolean;
  }>();
  const text = readInput(file);
  const options = { published: opts.published, url: opts.url, publisher: opts.publisher };
  let draft: ReadoutDraft;
  if (opts.graph) {
    const config = loadConfig();
    const graph = await openGraph(config, createLogger(config.logLevel));
    try {
      draft = await draftReadout(graph.executor, text, options);
    } finally {
      await graph.close();
    }
  } else draft = await draftReadout(undefined, text, options);
  if (opts.output !== undefined) fs.writeFileSync(opts.output, draft.yaml);
  else process.stdout.write(draft.yaml);
  report(draft);
  return EXIT.ok;
}

runCommand(program, main);
