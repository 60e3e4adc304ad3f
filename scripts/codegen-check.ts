// npm run codegen:check: regenerates the resolver types in memory and fails if the checked-in file differs,
// and checks that docs/readout.schema.json matches the readout validator.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { generate } from '@graphql-codegen/cli';
import config from '../codegen';
import { EXIT, newCommand, runCommand } from './cli';

const program = newCommand(
  'npm run codegen:check --',
  'Fail (exit 1) when resolvers/__generated__/types.ts or docs/readout.schema.json differ from what the schema gives.',
);

async function main(): Promise<number> {
  let failed = false;
  const root = path.resolve(__dirname, '..');
  // generate() is typed loosely; the shape below is what it returns when asked not to write files.
  const outputs = (await generate({ ...config, cwd: root }, false)) as {
    filename: string;
    content: string;
  }[];
  for (const out of outputs) {
    const file = path.resolve(root, out.filename);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (current !== out.content) {
      process.stderr.write(`${out.filename} is out of date: run npm run codegen and commit the result.\n`);
      failed = true;
    }
  }
  const schema = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'readout-schema.ts'), '--check'],
    {
      stdio: 'inherit',
    },
  );
  if (schema.status !== 0) failed = true;
  if (!failed) process.stdout.write('Generated code is up to date.\n');
  return failed ? EXIT.invalidInput : EXIT.ok;
}

runCommand(program, main);
