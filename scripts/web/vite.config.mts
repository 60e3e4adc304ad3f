// Builds the IDE (/ide), the visual explorer (/explore) and the Draft page (/draft) into dist/web/, served by resolvers/http/web.ts. Everything
// the pages load is bundled here (Monaco's workers included), since analysts may have no internet access.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const README = path.join(repo, 'README.md');
const SCHEMA_DIR = path.join(repo, 'schema');
const EXAMPLES = 'virtual:readme-examples';
const SCHEMA = 'virtual:schema-sdl';
const QUESTION = /\*\*(.+?)\*\*\n(?:<!--[^\n]*-->\n)?```graphql\n([\s\S]+?)```/g;

/** The README's "Questions you can ask": each bold title and the graphql block under it. */
function readmeExamples(readme: string): { title: string; query: string }[] {
  const section = readme.split('## Questions you can ask')[1]?.split('\n## ')[0] ?? '';
  return [...section.matchAll(QUESTION)].map((m) => ({ title: (m[1] ?? '').trim(), query: m[2] ?? '' }));
}

/** `import examples from 'virtual:readme-examples'`: the README's questions, parsed at build time. */
function readmeExamplesPlugin(): Plugin {
  return {
    name: 'readme-examples',
    resolveId: (id) => (id === EXAMPLES ? `\0${EXAMPLES}` : null),
    load(id) {
      if (id !== `\0${EXAMPLES}`) return null;
      this.addWatchFile(README);
      const examples = readmeExamples(fs.readFileSync(README, 'utf8'));
      if (examples.length === 0) this.error('README.md has no "Questions you can ask" examples.');
      return `export default ${JSON.stringify(examples)};`;
    },
  };
}

/**
 * `import sdl from 'virtual:schema-sdl'`: the schema the server serves (schema/*.graphql, joined in the order
 * resolvers/index.ts loads them). The IDE builds its docs and completion from it instead of introspecting: the
 * standard introspection query is deeper than the API's operation depth limit (resolvers/http/limits.ts).
 */
function schemaSdlPlugin(): Plugin {
  return {
    name: 'schema-sdl',
    resolveId: (id) => (id === SCHEMA ? `\0${SCHEMA}` : null),
    load(id) {
      if (id !== `\0${SCHEMA}`) return null;
      const files = fs
        .readdirSync(SCHEMA_DIR)
        .filter((f) => f.endsWith('.graphql'))
        .sort()
        .map((f) => path.join(SCHEMA_DIR, f));
      for (const f of files) this.addWatchFile(f);
      return `export default ${JSON.stringify(files.map((f) => fs.readFileSync(f, 'utf8')).join('\n'))};`;
    },
  };
}

export default defineConfig({
  root: here,
  base: '/web/',
  publicDir: false,
  logLevel: 'warn',
  plugins: [readmeExamplesPlugin(), schemaSdlPlugin()],
  oxc: { jsx: { runtime: 'automatic' } },
  worker: { format: 'es' },
  build: {
    outDir: path.join(repo, 'dist', 'web'),
    emptyOutDir: true,
    // Only current browsers matter; the polyfill would be an inline-free but useless extra.
    modulePreload: { polyfill: false },
    // Monaco alone is a few MB; it is served from this server, so size warnings are noise.
    chunkSizeWarningLimit: 8000,
    reportCompressedSize: false,
    rolldownOptions: {
      // Libraries' "use client" markers mean nothing outside React Server Components.
      onLog(level, log, handler) {
        if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
      },
      input: {
        ide: path.join(here, 'ide', 'index.html'),
        explore: path.join(here, 'explore', 'index.html'),
        draft: path.join(here, 'draft', 'index.html'),
      },
    },
  },
});
