// The side panels of the Draft page: the selected value and its evidence, the loader's issues, the drafter's
// checks, the entities matched in the graph, and what a dry run or a load did.
import { h } from '../explore/h';
import { level, percent } from './confidence';
import type { Evidence, IngestResult, Issue, Match } from './queries';

function empty(text: string): HTMLElement {
  return h('p', { class: 'muted' }, text);
}

/** One piece of evidence: the drafted value, where it sits in the draft and the release, how sure it is. */
export function showEvidence(root: HTMLElement, e: Evidence | undefined, yamlLine: number | undefined): void {
  if (e === undefined) {
    root.replaceChildren(
      empty('Point at a highlighted passage or a drafted line to see what was read where, and how surely.'),
    );
    return;
  }
  const meter = h('meter', { min: '0', max: '1', value: String(e.confidence), 'aria-label': 'Confidence' });
  root.replaceChildren(
    h(
      'dl',
      { class: 'props' },
      h('dt', {}, 'Field'),
      h('dd', { class: 'mono' }, e.path),
      h('dt', {}, 'Value'),
      h('dd', {}, e.value),
      h('dt', {}, 'Read from'),
      h('dd', {}, h('q', {}, e.text), h('span', { class: 'muted' }, ` (line ${e.line}, column ${e.column})`)),
      h('dt', {}, 'In the draft'),
      h('dd', {}, yamlLine === undefined ? 'not found in the YAML as edited' : `line ${yamlLine}`),
      h('dt', {}, 'Confidence'),
      h(
        'dd',
        { class: `conf conf-${level(e.confidence)}` },
        meter,
        ` ${percent(e.confidence)} (${level(e.confidence)})`,
      ),
    ),
  );
}

export function showIssues(root: HTMLElement, issues: readonly Issue[], goTo: (line: number) => void): void {
  if (issues.length === 0) {
    root.replaceChildren();
    return;
  }
  root.replaceChildren(
    ...issues.map((i) => {
      const where = `${i.line === null ? '' : `line ${i.line}`}${i.path === '' ? '' : `${i.line === null ? '' : ' · '}${i.path}`}`;
      const label = h('span', { class: 'where mono' }, where === '' ? 'document' : where);
      const body = [label, h('span', {}, i.message)];
      const line = i.line;
      if (line === null) return h('li', { class: 'issue' }, ...body);
      const go = h('button', { type: 'button', class: 'link', 'data-line': String(line) }, ...body);
      go.addEventListener('click', () => goTo(line));
      return h('li', { class: 'issue' }, go);
    }),
  );
}

export function showChecks(root: HTMLElement, checks: readonly string[]): void {
  root.replaceChildren(
    ...(checks.length === 0
      ? [h('li', { class: 'muted' }, 'Nothing left to check.')]
      : checks.map((c) => h('li', {}, c))),
  );
}

export function showMatches(root: HTMLElement, matches: readonly Match[]): void {
  root.replaceChildren(
    ...(matches.length === 0
      ? [h('li', { class: 'muted' }, 'The draft names no entity.')]
      : matches.map((m) =>
          h(
            'li',
            { class: m.isNew ? 'new' : 'existing' },
            h('span', { class: `badge ${m.isNew ? 'new' : 'existing'}` }, m.isNew ? 'new' : 'in graph'),
            h('span', {}, m.name),
            h('span', { class: 'muted mono' }, m.node?.id ?? m.path),
          ),
        )),
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function showResult(root: HTMLElement, r: IngestResult): void {
  const one = r.readouts[0];
  const lines: (HTMLElement | string)[] = [
    h(
      'p',
      {},
      r.dryRun
        ? `Dry run: loading would create ${plural(r.nodesCreated, 'node')} and ${plural(r.relationshipsCreated, 'relationship')}. Nothing was written.`
        : `Loaded: ${plural(r.nodesCreated, 'node')} and ${plural(r.relationshipsCreated, 'relationship')} created.`,
    ),
  ];
  if (one) {
    lines.push(
      h(
        'dl',
        { class: 'props' },
        h('dt', {}, 'Source'),
        h('dd', { class: 'mono', 'data-source-id': one.sourceId }, one.source?.title ?? one.sourceId),
        h('dt', {}, 'Dialogue'),
        h('dd', { class: 'mono' }, one.dialogue?.name ?? one.dialogueId),
        h('dt', {}, 'Matched'),
        h(
          'dd',
          {},
          `${plural(one.nodesMatched, 'node')} and ${plural(one.relationshipsMatched, 'relationship')} already in the graph`,
        ),
      ),
    );
  }
  root.replaceChildren(...lines);
}
