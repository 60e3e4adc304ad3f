// npm run dump -- <dir> [--force] [--checksum]   |   npm run dump -- --checksum
// Backup: writes every document's readout in force to <dir>, numbered in an order `npm run load -- <dir>` loads.
// --checksum prints the content checksum of the graph, to compare a restored graph with the one dumped.
import path from 'node:path';
import { closeOnSignals, prepareGraph } from '../graph/bootstrap';
import { contentChecksum } from '../graph/checksum';
import { loadConfig } from '../graph/config';
import { createLogger } from '../graph/logger';
import { dumpReadouts } from '../graph/readout/dump';
import { EXIT, newCommand, progressBar, runCommand, usageError } from './cli';

const program = newCommand(
  'npm run dump --',
  "Write every document's readout in force to a folder, as YAML files named in an order that loads again\n" +
    '(restore: `npm run load -- <dir>` into an empty graph). With --checksum alone, only print the checksum.',
)
  .argument('[dir]', 'folder to write; must be empty or not exist yet')
  .option('--force', 'write into a folder that is not empty, first removing the readout files in it')
  .option('--checksum', 'print the content checksum of the graph (ids that depend on load order left out)');

async function main(): Promise<number> {
  const [dir] = program.args;
  const { force = false, checksum = false } = program.opts<{ force?: boolean; checksum?: boolean }>();
  if (dir === undefined && !checksum) return usageError(program, 'give the folder to write, or --checksum.');
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const graph = await prepareGraph(config, log);
  closeOnSignals(() => graph.close(), log);
  try {
    if (dir !== undefined) {
      let bar: ReturnType<typeof progressBar> | undefined;
      const report = await dumpReadouts(graph.executor, dir, {
        force,
        onProgress: (done, total, file) => {
          bar ??= progressBar(total, 'dumping');
          bar.update(done, path.basename(file));
        },
      });
      bar?.stop();
      const names = report.files.map((f) => path.basename(f));
      const range =
        names.length > 1
          ? ` (${names[0]} … ${names[names.length - 1]})`
          : names.length === 1
            ? ` (${names[0]})`
            : '';
      process.stdout.write(
        `${dir}: ${names.length} readout file(s) written${range}; ${(report.durationMs / 1000).toFixed(2)} s\n`,
      );
    }
    if (checksum) {
      const c = await contentChecksum(graph.executor);
      process.stdout.write(`checksum ${c.checksum} nodes ${c.nodes} relationships ${c.relationships}\n`);
    }
    return EXIT.ok;
  } finally {
    await graph.close();
  }
}

runCommand(program, main);
