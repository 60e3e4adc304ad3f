// Parsing and drafting readouts without the graph: messages, paths and lines, and the checks made before planning.
import fs from 'node:fs';
import path from 'node:path';
import { formatIssue, type ReadoutIssue } from '../../graph/errors';
import { buildDraft, type Draft } from '../../graph/readout/draft';
import { draftReadouts } from '../../graph/readout/ingest';
import { duplicateJsonKey, lineAt, parseReadout, pathToString } from '../../graph/readout/parse';
import { readoutJsonSchema } from '../../graph/readout/schema';
import { closest } from '../../graph/readout/suggest';
import { loadVocabulary } from '../../graph/themes';
import { fixture } from '../helpers/graph';

/** expect.stringMatching, typed for use inside expected objects. */
const matching = (re: RegExp) => expect.stringMatching(re) as string;

const EXAMPLE = fixture('example.yaml');

function edit(find: string, replace: string, text = EXAMPLE): string {
  if (!text.includes(find)) throw new Error(`test bug: "${find}" is not in the example`);
  return text.replace(find, replace);
}

function parseIssues(text: string, file = 'x.yaml'): ReadoutIssue[] {
  const r = parseReadout(text, file);
  return r.ok ? [] : r.issues;
}

function draft(text: string): { draft?: Draft; issues: ReadoutIssue[] } {
  const parsed = parseReadout(text, 'x.yaml');
  if (!parsed.ok) throw new Error(parsed.issues.map(formatIssue).join('\n'));
  const built = buildDraft(parsed.readout, 'x.yaml', loadVocabulary(), parsed.lines);
  return built.ok ? { draft: built.draft, issues: [] } : { issues: built.issues };
}

describe('parse', () => {
  test('the example parses, with defaults for the lists it leaves out', () => {
    const r = parseReadout(EXAMPLE, 'example.yaml');
    expect(r.ok).toBe(true);
    const minimal = parseReadout(
      'format: readout/v1\nsource: {title: t, publisher: p, published: 2025, kind: news}\ndialogue: {name: d, start: 2025, countries: [IN, GB]}',
      'm.yaml',
    );
    expect(minimal.ok && minimal.readout).toMatchObject({
      organizations: [],
      people: [],
      themes: [],
      agreements: [],
    });
    expect(minimal.ok && minimal.readout.source.published).toBe('2025');
  });

  test('paths and lines: map entries at their key, list items where they start, missing fields at their parent', () => {
    const r = parseReadout(EXAMPLE, 'example.yaml');
    if (!r.ok) throw new Error('example does not parse');
    expect(pathToString(['people', 1, 'role'])).toBe('people[1].role');
    expect(lineAt(r.lines, 'dialogue')).toBe(8);
    expect(lineAt(r.lines, 'people[1]')).toBe(39);
    expect(lineAt(r.lines, 'people[1].role')).toBe(43);
    expect(lineAt(r.lines, 'people[1].onBehalfOf')).toBe(39);
    expect(lineAt(r.lines, 'agreements[0].parties[1]')).toBe(52);
    expect(lineAt(r.lines, 'nothing.here')).toBe(1);
  });

  test('a union error is reported as the branch that was meant', () => {
    // An object theme with a bad field is an object error, not "expected a string".
    expect(parseIssues(edit('  - name: cybercrime\n', '  - name: [cybercrime]\n'))).toEqual([
      {
        file: 'x.yaml',
        path: 'themes[1].name',
        line: 46,
        message: 'expected text for theme name, got ["cybercrime"]',
      },
    ]);
    expect(parseIssues(edit('  - border management\n', '  - 42\n'))).toEqual([
      {
        file: 'x.yaml',
        path: 'themes[0]',
        line: 45,
        message: 'expected a theme name, or an object with name and optional note',
      },
    ]);
    // A date that is neither text nor a year.
    expect(parseIssues(edit('start: 2025-05-12', 'start: 20250512'))).toEqual([
      {
        file: 'x.yaml',
        path: 'dialogue.start',
        line: 12,
        message: 'expected a date as yyyy, yyyy-mm or yyyy-mm-dd, got 20250512',
      },
    ]);
  });

  test('a field misspelled gets both the missing field and the unknown one, each at its own line', () => {
    expect(
      parseIssues(
        edit('    organization: Ministry of Interior\n', '    organisation: Ministry of Interior\n'),
      ),
    ).toEqual([
      { file: 'x.yaml', path: 'people[0].organization', line: 34, message: 'required' },
      {
        file: 'x.yaml',
        path: 'people[0].organisation',
        line: 37,
        message: 'unknown field "organisation" (did you mean "organization"?)',
      },
    ]);
    expect(parseIssues(edit('format: readout/v1\n', 'format: readout/v1\nsauce: x\n'))[0]?.message).toBe(
      'unknown field "sauce" (did you mean "source"?)',
    );
    expect(parseIssues(edit('format: readout/v1\n', 'format: readout/v1\nzzz: x\n'))[0]?.message).toBe(
      'unknown field "zzz"; allowed fields: format, source, dialogue, organizations, people, themes, agreements',
    );
  });

  test('syntax errors: the first one only, with line and column in the message', () => {
    const issues = parseIssues(edit('  city: Sampleton', '  city: Sampleton\n  city: Elsewhere'));
    expect(issues).toEqual([
      {
        file: 'x.yaml',
        path: '',
        line: 15,
        message: 'malformed YAML at line 15, column 3: Map keys must be unique',
      },
    ]);
    expect(formatIssue(issues[0] as ReadoutIssue)).toBe(
      'x.yaml: malformed YAML at line 15, column 3: Map keys must be unique',
    );
  });

  test('JSON: syntax errors with position, duplicate keys refused, truncated input', () => {
    expect(parseIssues('{\n  "format": "readout/v1",\n  oops\n}', 'x.json')).toEqual([
      {
        file: 'x.json',
        path: '',
        line: 3,
        message: matching(/^malformed JSON at line 3, column 3: /),
      },
    ]);
    expect(parseIssues('{"format": "readout/v1", "format": "readout/v1"}', 'x.json')[0]?.message).toMatch(
      /key "format" appears twice/,
    );
    expect(parseIssues('{"format": ', 'x.json')[0]?.message).toMatch(
      /^malformed JSON at line 1, column 12: /,
    );
    // The extension decides the parser unless the format is given.
    expect(parseReadout(fixture('example.json'), 'from-api', 'json').ok).toBe(true);
  });

  test('JSON duplicate keys: found in nested objects and lists, not confused by strings or escapes', () => {
    expect(duplicateJsonKey('{"a": 1, "b": {"a": 2, "c": [{"a": 1}, {"a": 2}]}}')).toBeUndefined();
    expect(duplicateJsonKey('{"a": "}{,\\"a\\":", "b": ["a", "a"], "c": {"x": 1}}')).toBeUndefined();
    expect(duplicateJsonKey('{\n "p": [\n  {"name": "x",\n   "name": "y"}\n ]\n}')).toEqual({
      key: 'name',
      line: 4,
    });
    expect(duplicateJsonKey('{"k": 1, "\\u006b": 2}')).toEqual({ key: 'k', line: 1 });
    expect(duplicateJsonKey('{"a": {"b": 1}, "b": 2, "a": 3}')).toEqual({ key: 'a', line: 1 });
    // A problem in a valid JSON readout still points at its line (found lazily, only then).
    const issues = parseIssues(
      '{\n  "format": "readout/v1",\n  "source": {\n    "title": 5\n  }\n}',
      'x.json',
    );
    expect(issues.find((i) => i.path === 'source.title')?.line).toBe(4);
  });

  test('empty and non-mapping files', () => {
    expect(parseIssues('')[0]?.message).toMatch(/^the file is empty/);
    expect(parseIssues('- a\n- b\n')[0]?.message).toMatch(/^the file is not a mapping/);
    expect(parseIssues('x'.repeat(1024 * 1024 + 1))[0]?.message).toMatch(/larger than/);
  });

  test('YAML alias bombs are refused', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...[...'bcdefghij'].map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(', ')}]`),
    ];
    expect(parseIssues(bomb.join('\n'))[0]?.message).toMatch(/^malformed YAML: .*alias/i);
  });
});

describe('draft', () => {
  test('the example drafts, with references between its own entries resolved locally', () => {
    const { draft: d, issues } = draft(EXAMPLE);
    expect(issues).toEqual([]);
    expect(d?.organizations.map((o) => o.scope)).toEqual(['ex', 'sm', 'sm', 'ex-sm']);
    expect(d?.organizations[2]?.partOf).toEqual({ kind: 'local', index: 1 });
    expect(d?.people[0]?.organization).toEqual({ kind: 'local', index: 0 });
    expect(d?.people[0]?.onBehalfOf).toBe(d?.people[0]?.organization);
    expect(d?.dialogue.workingGroups).toEqual([{ kind: 'local', index: 3 }]);
    expect(d?.themes).toEqual([
      { id: 'border-management', note: undefined },
      { id: 'cybercrime', note: 'agreed to share threat indicators' },
    ]);
    expect(d?.agreements[0]?.parties).toEqual([
      { kind: 'local', index: 0 },
      { kind: 'local', index: 2 },
    ]);
  });

  test('a name not in the readout is left to the graph, preferring the referring person’s country', () => {
    const { draft: d } = draft(edit('    organization: Ministry of Interior\n', '    organization: MHA\n'));
    expect(d?.people[0]?.organization).toEqual({
      kind: 'graph',
      name: 'MHA',
      norm: 'mha',
      country: 'EX',
      path: 'people[0].organization',
    });
  });

  test('a reference prefers the organisation of the referring person’s country', () => {
    const two = edit(
      '  - name: Border Guard Academy\n',
      '  - name: Ministry of Interior\n    country: SM\n    kind: ministry\n  - name: Border Guard Academy\n',
    );
    const { draft: d } = draft(
      two
        .replace('organization: Ministry of Public Security', 'organization: Ministry of Interior')
        .replace('parties: [Ministry of Interior,', 'parties: [MoI,'),
    );
    expect(d?.people.map((p) => p.organization)).toEqual([
      { kind: 'local', index: 0 },
      { kind: 'local', index: 2 },
    ]);
  });

  test.each([
    [
      'country and countries',
      edit(
        '    country: EX\n    kind: ministry\n',
        '    country: EX\n    countries: [EX, SM]\n    kind: ministry\n',
      ),
      'organizations[0]',
      /either country or countries/,
    ],
    [
      'a country listed twice',
      edit('countries: [EX, SM]\n  workingGroups', 'countries: [EX, SM, EX]\n  workingGroups'),
      'dialogue.countries',
      /lists a country twice/,
    ],
    [
      'an organisation of one country twice over',
      edit('    countries: [EX, SM]\npeople', '    countries: [SM, SM]\npeople'),
      'organizations[3].countries',
      /lists a country twice/,
    ],
    [
      'part of itself',
      edit('    partOf: Ministry of Public Security', '    partOf: Border Guard Academy'),
      'organizations[2].partOf',
      /cannot be part of itself/,
    ],
    [
      'a working group that is not one',
      edit('workingGroups: [Example–Sample Joint Working Group on Smuggling]', 'workingGroups: [MoI]'),
      'dialogue.workingGroups[0]',
      /is not of kind working_group/,
    ],
    [
      'a post that ends before it starts',
      edit(
        '    role: co_chair\n  - name: Sam',
        '    role: co_chair\n    from: 2025\n    to: 2024-12\n  - name: Sam',
      ),
      'people[0].to',
      /is before people\[0\]\.from/,
    ],
    [
      'the same party twice',
      edit('parties: [Ministry of Interior, Border Guard Academy]', 'parties: [Ministry of Interior, MoI]'),
      'agreements[0].parties',
      /same party twice/,
    ],
    [
      'the same agreement theme twice',
      edit('    themes: [border management]', '    themes: [border management, border control]'),
      'agreements[0].themes',
      /same theme twice/,
    ],
    [
      'a name without letters',
      edit('  - name: Memorandum of Understanding on border guard training', '  - name: "—"'),
      'agreements[0].name',
      /letters or digits/,
    ],
  ])('%s is refused', (_name, text, path, message) => {
    const { issues } = draft(text);
    expect(issues).toEqual([expect.objectContaining({ path, message: matching(message) })]);
    expect(issues[0]?.line).toEqual(expect.any(Number));
  });

  test('every problem of every file is collected before anything touches the graph', () => {
    expect(() =>
      draftReadouts([
        { file: 'a.yaml', text: edit('host: SM', 'host: GB') },
        { file: 'b.yaml', text: 'format: readout/v1' },
      ]),
    ).toThrow(
      /a\.yaml: dialogue\.host \(line 15\): must be one of dialogue\.countries[\s\S]*b\.yaml: source \(line 1\): required/,
    );
  });
});

test('typo suggestions', () => {
  expect(closest('cochair', ['co_chair', 'delegate'])).toBe('co_chair');
  expect(closest('Co-Chair', ['co_chair'])).toBe('co_chair');
  expect(closest('summery', ['summary', 'series'])).toBe('summary');
  expect(closest('xyz', ['summary', 'series'])).toBeUndefined();
});

test('the JSON Schema in docs/ is generated from the current zod schema', () => {
  const schema = readoutJsonSchema();
  expect(schema.title).toBe('Readout v1');
  // Generation must be deterministic and in step with the file (npm run schema:readout regenerates it).
  const onDisk = JSON.parse(
    fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'readout.schema.json'), 'utf8'),
  ) as unknown;
  expect(onDisk).toEqual(JSON.parse(JSON.stringify(schema)));
});
