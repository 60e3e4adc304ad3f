// Every `npm run` command as a person types it: `--help` prints the usage and exits 0; an unknown option is refused
// with the usage and exit 2. Neither needs (or starts) a database: options are read before anything else.
import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function npm(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    // --silent: npm's own banner lines would otherwise surround what the command prints.
    const child = spawn('npm', ['--silent', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// [the npm arguments, what the usage line starts with, an option the help must list, required options if any]
const COMMANDS: [string[], string, string, string[]][] = [
  [['start'], 'npm start --', '--help', []],
  [['run', 'build'], 'npm run build --', '--if-stale', []],
  [['run', 'neo4j'], 'npm run neo4j --', '--help', []],
  [['run', 'migrate'], 'npm run migrate --', '--help', []],
  [['run', 'load'], 'npm run load --', '--dry-run', []],
  [['run', 'seed'], 'npm run load --', '--json', []],
  [['run', 'export'], 'npm run export --', '--max-nodes', []],
  [['run', 'generate'], 'npm run generate --', '--per-folder', ['--readouts', '1', '--out', 'unused']],
  [['run', 'bench'], 'npm run bench --', '--queries-only', []],
  [['run', 'bench:search'], 'npm run bench:search --', '--sample', []],
  [['run', 'bench:compression'], 'npm run bench:compression --', '--max-nodes', []],
  [['run', 'draft'], 'npm run draft --', '--published', []],
  [['run', 'bench:draft'], 'npm run bench:draft --', '--corpus', []],
  [['run', 'soak'], 'npm run soak --', '--loader-readouts', []],
  [['run', 'schema:readout'], 'npm run schema:readout --', '--check', []],
  [['run', 'codegen:check'], 'npm run codegen:check --', '--help', []],
];

// npm start builds dist/ first when stale, which on a loaded machine takes a while.
jest.setTimeout(240000);

describe.each(COMMANDS)('npm %p', (args, usage, option, required) => {
  const usageLine = new RegExp(`^Usage: ${usage.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\[options\\]`, 'm');

  test('--help prints the usage on stdout and exits 0', async () => {
    const run = await npm([...args, '--', '--help']);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(usageLine);
    expect(run.stdout).toContain(option);
  });

  test('an unknown option is refused with the usage and exit 2', async () => {
    const run = await npm([...args, '--', ...required, '--no-such-option']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/error: unknown option '--no-such-option'/);
    expect(run.stderr).toMatch(usageLine);
    expect(run.stdout).not.toMatch(usageLine);
  });
});
