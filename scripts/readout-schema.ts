// npm run schema:readout: writes docs/readout.schema.json from the zod schema (use --check to verify it is current).
import fs from 'node:fs';
import path from 'node:path';
import { readoutJsonSchema } from '../graph/readout/schema';

const file = path.resolve(__dirname, '..', 'docs', 'readout.schema.json');
const text = `${JSON.stringify(readoutJsonSchema(), null, 2)}\n`;
if (process.argv.includes('--check')) {
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) {
    process.stderr.write('docs/readout.schema.json is out of date: run npm run schema:readout\n');
    process.exit(1);
  }
} else {
  fs.writeFileSync(file, text);
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
}
