// The Draft page: paste a press release, get a draft readout beside it with every drafted value marked where it
// was read, edit the YAML with the loader's own validation as you type, then dry-run and load it with the editor
// token. Each busy part exposes `data-state` (tests and assistive technology wait on it, not on time).
import '../shared/base.css';
import './draft.css';
import { YamlEditor } from './editor';
import { gql, GqlError } from './gql';
import { showChecks, showEvidence, showMatches, showResult } from './panels';
import { DRAFT, INGEST, type Evidence, type IngestResult, type ReadoutDraft } from './queries';
import { ReleaseView } from './release';
import { TokenField } from './token';
import { LiveValidation } from './validation';
import { lineOfPath, yamlLines } from './yamlLines';

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the page`);
  return el as T;
}

const form = byId<HTMLFormElement>('release-form');
const releaseText = byId<HTMLTextAreaElement>('release-text');
const releaseView = byId('release-view');
const editText = byId<HTMLButtonElement>('edit-text');
const draftStatus = byId('draft-status');
const resultBox = byId('result');
const token = new TokenField(byId<HTMLInputElement>('token'), byId<HTMLInputElement>('remember-token'));

let evidence: Evidence[] = [];
/** Line in the YAML of each piece of evidence, as the YAML now reads (undefined: not found there). */
let evidenceLines: (number | undefined)[] = [];
let selected: number | undefined;
/** True once the YAML was changed by hand since the last draft. */
let edited = false;

const release = new ReleaseView(
  releaseView,
  (i, how) => pick(i, how, 'release'),
  () => unhover(),
);
const editor = new YamlEditor(byId('editor'), {
  edited: () => {
    placeEvidence();
    edited = true;
    validation.schedule();
    const shown = resultBox.dataset.state;
    if (shown === 'dry-run' || shown === 'loaded')
      setState(resultBox, 'idle', 'The YAML has changed since: dry-run again to see what it would do.');
  },
  atLine: (line, how) => {
    const at = evidenceLines.findIndex((l) => l === line);
    if (at >= 0) pick(at, how, 'yaml');
    else if (how === 'hover') unhover();
  },
  left: () => unhover(),
});

const validation = new LiveValidation(byId('validation'), byId('validation-summary'), byId('issues'), editor);

/** The mouse left every drafted value: only the selection stays marked, and the panel shows it again. */
function unhover(): void {
  release.highlight(undefined, 'hover');
  editor.mark('hov', []);
  const at = selected;
  showEvidence(
    byId('evidence'),
    at === undefined ? undefined : evidence[at],
    at === undefined ? undefined : evidenceLines[at],
  );
}

function setState(el: HTMLElement, state: string, text?: string): void {
  el.dataset.state = state;
  if (text !== undefined) el.textContent = text;
}
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Shows one piece of evidence on both sides; `from` is the side pointed at, so only the other side scrolls. */
function pick(i: number, how: 'hover' | 'select', from: 'release' | 'yaml'): void {
  const e = evidence[i];
  if (e === undefined) return;
  const line = evidenceLines[i];
  release.highlight(i, how);
  editor.mark(how === 'hover' ? 'hov' : 'sel', line === undefined ? [] : [line]);
  if (how === 'select') selected = i;
  if (how === 'select' && from === 'release' && line !== undefined) editor.scrollToLine(line);
  showEvidence(byId('evidence'), e, line);
}

/** Finds each drafted value's line in the YAML as it now reads (kept as they were while it does not parse). */
function placeEvidence(): void {
  const lines = yamlLines(editor.text);
  if (lines === null) return;
  evidenceLines = evidence.map((e) => lineOfPath(lines, e.path));
  editor.mark(
    'ev',
    evidenceLines.filter((l): l is number => l !== undefined),
  );
  const line = selected === undefined ? undefined : evidenceLines[selected];
  editor.mark('sel', line === undefined ? [] : [line]);
}

function showText(editing: boolean): void {
  releaseText.hidden = !editing;
  releaseView.hidden = editing;
  editText.hidden = editing;
}

async function draft(): Promise<void> {
  const text = releaseText.value;
  if (text.trim() === '') {
    setState(draftStatus, 'error', 'Paste the text of a press release first.');
    releaseText.focus();
    return;
  }
  if (edited && !window.confirm('Drafting again replaces the YAML you edited. Go on?')) return;
  const optional = (id: string) => byId<HTMLInputElement>(id).value.trim() || undefined;
  setState(draftStatus, 'busy', 'Drafting…');
  try {
    const { draftReadout: d } = await gql<{ draftReadout: ReadoutDraft }>(DRAFT, {
      text,
      published: optional('published'),
      url: optional('url'),
      publisher: optional('publisher'),
    });
    evidence = d.evidence;
    selected = undefined;
    const unplaced = release.render(text, d.evidence);
    showText(false);
    editor.setText(d.yaml);
    placeEvidence();
    showChecks(byId('checks'), d.checks);
    showMatches(byId('matches'), d.matches);
    showEvidence(byId('evidence'), undefined, undefined);
    const placed = d.evidence.length - unplaced;
    setState(
      draftStatus,
      'ready',
      `Drafted ${d.evidence.length} values, ${placed} marked in the text` +
        (unplaced > 0 ? ` (${unplaced} could not be placed)` : '') +
        `; ${d.checks.length} to check.`,
    );
    edited = false;
    validation.show(d.issues);
  } catch (e) {
    setState(draftStatus, 'error', `Could not draft: ${message(e)}`);
  }
}

async function ingest(dryRun: boolean): Promise<void> {
  if (editor.text.trim() === '') {
    setState(resultBox, 'error', 'There is no readout to load: draft one or paste YAML first.');
    return;
  }
  if (token.value === '') {
    setState(resultBox, 'error', 'Enter the editor token first (Load section).');
    byId('token').focus();
    return;
  }
  setState(resultBox, 'busy', dryRun ? 'Dry run under way…' : 'Loading…');
  try {
    const { ingestReadout } = await gql<{ ingestReadout: IngestResult }>(
      INGEST,
      { readout: editor.text, dryRun },
      token.value,
    );
    showResult(resultBox, ingestReadout);
    setState(resultBox, dryRun ? 'dry-run' : 'loaded');
  } catch (e) {
    if (e instanceof GqlError && e.issues.length > 0) validation.show(e.issues);
    const refused = e instanceof GqlError && e.code === 'INVALID_READOUT';
    setState(
      resultBox,
      'error',
      refused
        ? 'Refused: the readout has issues (listed under Validation); nothing was written.'
        : message(e),
    );
  }
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  void draft();
});
editText.addEventListener('click', () => {
  showText(true);
  releaseText.focus();
});
// Enter in the token field asks for a dry run: never a write without a click on Load.
byId('load-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void ingest(true);
});
byId('dry-run').addEventListener('click', () => void ingest(true));
byId('load').addEventListener('click', () => void ingest(false));
showText(true);
showEvidence(byId('evidence'), undefined, undefined);
setState(draftStatus, 'idle');
setState(resultBox, 'idle');
