// The GraphQL IDE: GraphiQL 5 with its docs explorer and history, plus the README's example questions.
import './monacoWorkers';
import 'graphiql/style.css';
import '../shared/base.css';
import './ide.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { buildSchema } from 'graphql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import examples from 'virtual:readme-examples';
import sdl from 'virtual:schema-sdl';
import { exampleDocument, examplesPlugin } from './examplesPlugin';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing');
const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).href });
const first = examples[0];
// The schema as built with this page (see vite.config.mts: the API's depth limit refuses GraphiQL's introspection).
const schema = buildSchema(sdl);

createRoot(root).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      schema={schema}
      plugins={[examplesPlugin, HISTORY_PLUGIN]}
      visiblePlugin={examplesPlugin}
      defaultQuery={first ? exampleDocument(first) : undefined}
    />
  </StrictMode>,
);
