// The two GraphQL servers under test, in a child process (scripts/bench/serverWorker.ts) so that the load
// generator does not share their event loop; stopped by closing its stdin.
import { spawnTs } from './childProcess';
import type { ServerUrls } from './serverWorker';

export async function startServers(uri: string): Promise<{ urls: ServerUrls; stop: () => Promise<void> }> {
  // As `npm start` runs it: graphql-js skips its development-only checks in production.
  const child = spawnTs('scripts/bench/serverWorker.ts', ['--uri', uri], { env: { NODE_ENV: 'production' } });
  let err = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (err = (err + d).slice(-4000)));
  const urls = await new Promise<ServerUrls>((resolve, reject) => {
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const line = out.split('\n')[0];
      if (out.includes('\n') && line !== undefined) resolve(JSON.parse(line) as ServerUrls);
    });
    child.once('exit', (code) => reject(new Error(`server worker exited with ${code}:\n${err}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    urls,
    async stop() {
      child.stdin?.end();
      const killer = setTimeout(() => child.kill('SIGKILL'), 10000);
      await exited;
      clearTimeout(killer);
    },
  };
}
