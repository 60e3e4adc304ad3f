// npm run schema:readout: writes docs/readout.schema.json from the zod schema (use --check to verify it is current).
import fs from 'node:fs';
import path from 'node:path';
import { readoutJsonSchema } from '../graph/readout/schema';
import { EXIT, newCommand, runCommand } from './cli';

const file = path.resolve(__dirname, '..', 'docs', 'readout.schema.json');
const program = newCommand(
  'npm run schema:readout --',
  'Write docs/readout.schema.json (the JSON Schema editors use for readouts) from the readout validator.',
).option('--check', 'write nothing; exit 1 when the file is out of date');

runCommand(program, () => {
  const text = `${JSON.stringify(readoutJsonSchema(), null, 2)}\n`;
  if (program.opts<{ check?: boolean }>().check) {
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) {
      process.stderr.write('docs/readout.schema.json is out of date: run npm run schema:readout\n');
      return Promise.resolve(EXIT.invalidInput);
    }
  } else {
    fs.writeFileSync(file, text);
    process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
  }
  return Promise.resolve(EXIT.ok);
});
