// Finds readout files (.yaml, .yml, .json) under the paths given to the loader, in a stable order.
import fs from 'node:fs';
import path from 'node:path';
import type { ReadoutInput } from './ingest';
import { repoPath } from '../paths';

const READOUT_FILE = /\.(ya?ml|json)$/i;

export const SEED_DIR = repoPath('data', 'readouts');

export function findReadoutFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!fs.existsSync(p)) throw new Error(`${p}: no such file or folder`);
    if (fs.statSync(p).isDirectory()) {
      const entries = fs.readdirSync(p, { recursive: true, encoding: 'utf8' }).sort();
      for (const e of entries) {
        const full = path.join(p, e);
        if (READOUT_FILE.test(e) && fs.statSync(full).isFile()) out.push(full);
      }
    } else out.push(p);
  }
  return [...new Set(out)];
}

/** Files under the working directory are shown relative to it (as typed, usually); others in full. */
function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? path.resolve(file) : rel;
}

export function readReadoutFiles(files: string[]): ReadoutInput[] {
  return files.map((file) => ({ file: displayPath(file), text: fs.readFileSync(file, 'utf8') }));
}
