// npm run generate -- --readouts N --seed S --out DIR [--per-folder 1000] [--format json|yaml] [--force]
// Writes N synthetic readouts (readout/v1) for benchmarks: the same arguments always give the same files.
import { parseArgs } from 'node:util';
import { clearOutput, generateReadouts } from './generate/generateReadouts';

const USAGE =
  'usage: npm run generate -- --readouts N --seed S --out DIR [--per-folder 1000] [--format json|yaml] [--force]';

function positiveInt(name: string, v: string | undefined, fallback?: number): number {
  const n = v === undefined ? fallback : Number(v);
  if (n === undefined || !Number.isInteger(n) || n < 1)
    throw new Error(`--${name}: expected a positive integer`);
  return n;
}

function main(): number {
  const { values } = parseArgs({
    options: {
      readouts: { type: 'string' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      'per-folder': { type: 'string' },
      format: { type: 'string', default: 'json' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || values.out === undefined || values.readouts === undefined) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (values.format !== 'json' && values.format !== 'yaml') throw new Error('--format: json or yaml');
  clearOutput(values.out, values.force);
  const summary = generateReadouts({
    readouts: positiveInt('readouts', values.readouts),
    seed: values.seed,
    out: values.out,
    perFolder: positiveInt('per-folder', values['per-folder'], 1000),
    format: values.format,
  });
  const { files: _files, ...counts } = summary;
  process.stdout.write(`${JSON.stringify(counts)}\n`);
  return 0;
}

try {
  process.exit(main());
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
