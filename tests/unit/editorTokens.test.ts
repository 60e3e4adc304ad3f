// EDITOR_TOKENS (graph/config.ts): `label:token` entries, checked at start with messages that name the entry but
// never its token; GRAPH_EDITOR_TOKEN is the token labelled `editor`, listed first.
import { ConfigError, editorTokensOf, loadConfig } from '../../graph/config';

const A = 'a'.repeat(16);
const B = 'b'.repeat(20);

const tokens = (env: Record<string, string>) => editorTokensOf(loadConfig(env));
function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('accepted');
}

test('labelled tokens, in order, spaces and a trailing comma tolerated; none configured is an empty list', () => {
  expect(tokens({ EDITOR_TOKENS: ` alice:${A}, bob-2_x:${B},` })).toEqual([
    { label: 'alice', token: A },
    { label: 'bob-2_x', token: B },
  ]);
  expect(tokens({})).toEqual([]);
  expect(tokens({ EDITOR_TOKENS: '  ' })).toEqual([]);
  // A token may hold colons: only the first one separates the label.
  expect(tokens({ EDITOR_TOKENS: `ops:${A}:x` })).toEqual([{ label: 'ops', token: `${A}:x` }]);
});

test('GRAPH_EDITOR_TOKEN keeps working as the token labelled editor', () => {
  expect(tokens({ GRAPH_EDITOR_TOKEN: A })).toEqual([{ label: 'editor', token: A }]);
  expect(tokens({ GRAPH_EDITOR_TOKEN: A, EDITOR_TOKENS: `alice:${B}` })).toEqual([
    { label: 'editor', token: A },
    { label: 'alice', token: B },
  ]);
});

test.each<[string, Record<string, string>, RegExp]>([
  ['no colon', { EDITOR_TOKENS: `alice${A}` }, /EDITOR_TOKENS: entry 1: expected label:token/],
  ['an upper-case label', { EDITOR_TOKENS: `Alice:${A}` }, /entry 1: the label must be .*a-z0-9_-/],
  ['an empty label', { EDITOR_TOKENS: `:${A}` }, /entry 1: the label/],
  [
    'a short token',
    { EDITOR_TOKENS: `alice:${A}, bob:short` },
    /entry 2 \(bob\): the token must be at least 16/,
  ],
  ['a label twice', { EDITOR_TOKENS: `alice:${A},alice:${B}` }, /entry 2: the label alice is used twice/],
  ['a token twice', { EDITOR_TOKENS: `alice:${A},bob:${A}` }, /entry 2 \(bob\): the same token as another/],
  ['editor and GRAPH_EDITOR_TOKEN', { EDITOR_TOKENS: `editor:${A}`, GRAPH_EDITOR_TOKEN: B }, /label editor/],
  ['GRAPH_EDITOR_TOKEN reused', { EDITOR_TOKENS: `ops:${A}`, GRAPH_EDITOR_TOKEN: A }, /token of ops/],
])('%s is refused at start, naming the entry but not the token', (_name, env, message) => {
  const text = refusal(env);
  expect(text).toMatch(message);
  expect(text).not.toContain(A);
  expect(text).not.toContain('short');
});

test('every bad entry is listed at once', () => {
  const text = refusal({ EDITOR_TOKENS: `Alice:${A},bob:short,nocolon` });
  expect(text.match(/EDITOR_TOKENS: entry/g)).toHaveLength(3);
});
