// A GraphiQL sidebar plugin listing the README's "Questions you can ask": choosing one opens it in the editor.
import { useGraphiQL, useGraphiQLActions, type GraphiQLPlugin } from '@graphiql/react';
import examples, { type ReadmeExample } from 'virtual:readme-examples';

/** The editor text of an example: the question as a comment, then the query. */
export function exampleDocument(example: ReadmeExample): string {
  return `# ${example.title}\n${example.query}`;
}

const documents = new Set(examples.map(exampleDocument));

function ExamplesIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      aria-hidden="true"
    >
      <path d="M8 6h12M8 12h12M8 18h12" strokeLinecap="round" />
      <circle cx="4" cy="6" r="1" fill="currentColor" />
      <circle cx="4" cy="12" r="1" fill="currentColor" />
      <circle cx="4" cy="18" r="1" fill="currentColor" />
    </svg>
  );
}

function ExamplesContent() {
  const queryEditor = useGraphiQL((s) => s.queryEditor);
  const actions = useGraphiQLActions();
  const open = (example: ReadmeExample) => {
    if (!queryEditor) return;
    // Keep the analyst's own work: replace only an empty editor or an untouched example, else use a new tab.
    const current = queryEditor.getValue().trim();
    if (current !== '' && !documents.has(queryEditor.getValue())) actions.addTab();
    queryEditor.setValue(exampleDocument(example));
    queryEditor.focus();
  };
  return (
    <section className="examples" aria-label="Example queries">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p>Questions from the README. Choose one, then run it (Ctrl-Enter or the ▶ button).</p>
      <ol>
        {examples.map((e) => (
          <li key={e.title}>
            <button type="button" onClick={() => open(e)}>
              {e.title}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

export const examplesPlugin: GraphiQLPlugin = {
  title: 'Examples',
  icon: ExamplesIcon,
  content: ExamplesContent,
};
