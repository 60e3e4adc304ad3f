// npm run build [-- --if-stale] [--only server|web]: the compiled server (dist/graph, dist/resolvers,
// dist/scripts, with source maps) and the IDE, explorer and Draft page (dist/web). `npm start` runs it with --if-stale first:
// each part is rebuilt only when its sources changed since its last build (scripts/build/stamp.ts).
import { Option } from 'commander';
import { EXIT, newCommand, runCommand } from './cli';
import { buildServer, ensureServerBuilt } from './build/server';
import { buildWeb, ensureWebBuilt } from './web/build';

const PARTS = {
  server: { what: 'the server (dist/)', build: buildServer, ensure: ensureServerBuilt },
  web: { what: 'the IDE, explorer and Draft page (dist/web)', build: buildWeb, ensure: ensureWebBuilt },
} as const;

const program = newCommand(
  'npm run build --',
  'Compile the server into dist/ and build the web pages into dist/web.',
)
  .option('--if-stale', 'build only the parts whose sources changed since their last build')
  .addOption(new Option('--only <part>', 'build one part only').choices(Object.keys(PARTS)));

runCommand(program, async () => {
  const opts = program.opts<{ ifStale?: boolean; only?: keyof typeof PARTS }>();
  for (const [name, part] of Object.entries(PARTS)) {
    if (opts.only !== undefined && opts.only !== name) continue;
    const ms = await (opts.ifStale ? part.ensure() : part.build());
    process.stdout.write(
      ms === null ? `${part.what} is up to date.\n` : `Built ${part.what} in ${(ms / 1000).toFixed(1)} s.\n`,
    );
  }
  return EXIT.ok;
});
