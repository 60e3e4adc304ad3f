// `NEO4J_URI=bolt://… npm run bench:compression`: what response compression does to a large subgraph export.
// Starts the API in this process on that Neo4j (it only reads, so it never starts one of its own), downloads the same export in each
// format with and without `Accept-Encoding: gzip`, and prints bytes on the wire and time to the last byte.
import http from 'node:http';
import zlib from 'node:zlib';
import { loadConfig } from '../../graph/config';
import { GraphExecutor } from '../../graph/executor';
import { createLogger } from '../../graph/logger';
import { startHttpServer } from '../../resolvers/http/http';
import { EXIT, newCommand, runCommand } from '../cli';

interface Options {
  ids: string;
  depth: string;
  maxNodes: string;
  runs: string;
}

const program = newCommand(
  'npm run bench:compression --',
  'Measures gzip on large /export answers (bytes and time), against a Neo4j it only reads.',
)
  .option('--ids <ids>', 'export start ids', 'org:us:department-of-homeland-security')
  .option('--depth <n>', 'export depth', '2')
  .option('--max-nodes <n>', 'export node cap', '1000')
  .option('--runs <n>', 'downloads per format and encoding (the median is shown)', '5');

function download(url: string, encoding: string): Promise<{ bytes: number; ms: number; nodes: string }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': encoding } }, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () =>
          resolve({
            bytes,
            ms: Number(process.hrtime.bigint() - started) / 1e6,
            nodes: String(res.headers['x-subgraph-nodes'] ?? '?'),
          }),
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(o: Options): Promise<number> {
  const config = loadConfig();
  const uri = config.neo4j.uri;
  if (uri === undefined) {
    process.stderr.write(
      'Set NEO4J_URI to a loaded graph (e.g. the 10k synthetic readouts); this only reads it.\n',
    );
    return EXIT.usage;
  }
  const executor = new GraphExecutor({ ...config.neo4j, uri, queryTimeoutMs: 120000 });
  const server = await startHttpServer({ executor, config, log: createLogger('warn'), port: 0 });
  const runs = Math.max(1, Number(o.runs));
  try {
    const out = ['| format | nodes | plain bytes | gzip bytes | ratio | plain ms | gzip ms | gzip CPU ms |'];
    out.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const format of ['graphml', 'gexf', 'cyjs']) {
      const url = `${server.url}/export?ids=${encodeURIComponent(o.ids)}&depth=${o.depth}&maxNodes=${o.maxNodes}&format=${format}`;
      await download(url, 'identity'); // warm the query plan and page cache
      const plain = [];
      const gzip = [];
      for (let i = 0; i < runs; i++) {
        plain.push(await download(url, 'identity'));
        gzip.push(await download(url, 'gzip'));
      }
      const body = await (await fetch(url)).arrayBuffer();
      const cpuStart = process.hrtime.bigint();
      zlib.gzipSync(Buffer.from(body));
      const cpuMs = Number(process.hrtime.bigint() - cpuStart) / 1e6;
      const p = plain[0]?.bytes ?? 0;
      const g = gzip[0]?.bytes ?? 0;
      out.push(
        `| ${format} | ${plain[0]?.nodes} | ${p.toLocaleString('en')} | ${g.toLocaleString('en')} | ${(p / g).toFixed(1)}x | ` +
          `${median(plain.map((r) => r.ms)).toFixed(0)} | ${median(gzip.map((r) => r.ms)).toFixed(0)} | ${cpuMs.toFixed(1)} |`,
      );
    }
    process.stdout.write(`${out.join('\n')}\n`);
    return EXIT.ok;
  } finally {
    await server.close();
    await executor.close();
  }
}

runCommand(program, () => main(program.opts<Options>()));
