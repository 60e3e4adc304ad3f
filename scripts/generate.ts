// npm run generate -- --readouts N --seed S --out DIR [--per-folder 1000] [--format json|yaml] [--force]
// Writes N synthetic readouts (readout/v1) for benchmarks: the same arguments always give the same files.
import { Option } from 'commander';
import { EXIT, newCommand, positiveInt, runCommand } from './cli';
import { clearOutput, generateReadouts } from './generate/generateReadouts';

const program = newCommand(
  'npm run generate --',
  'Write synthetic readouts (readout/v1) for benchmarks; the same arguments always give the same files.',
)
  .requiredOption('--readouts <n>', 'how many readouts', positiveInt)
  .option('--seed <s>', 'generator seed', '1')
  .requiredOption('--out <dir>', 'output folder (must be empty unless --force)')
  .option('--per-folder <n>', 'readouts per sub-folder', positiveInt, 1000)
  .addOption(new Option('--format <format>', 'file format').choices(['json', 'yaml']).default('json'))
  .option('--force', 'empty --out first when it holds files');

runCommand(program, () => {
  const o = program.opts<{
    readouts: number;
    seed: string;
    out: string;
    perFolder: number;
    format: 'json' | 'yaml';
    force?: boolean;
  }>();
  clearOutput(o.out, o.force ?? false);
  const summary = generateReadouts({
    readouts: o.readouts,
    seed: o.seed,
    out: o.out,
    perFolder: o.perFolder,
    format: o.format,
  });
  const { files: _files, ...counts } = summary;
  process.stdout.write(`${JSON.stringify(counts)}\n`);
  return Promise.resolve(EXIT.ok);
});
