// The Draft page in real headless Chromium with every other host unreachable: paste a release, get a draft with
// its values marked in the text, follow a value from one side to the other, edit the YAML under the loader's live
// validation (an error shows on its line, and goes once fixed), dry-run, load with the editor token, and find the
// document in the graph. Every wait is on a state the page exposes (`data-state`), never on time.
import type { Browser, Page } from 'playwright-core';
import { isMap, isSeq, parseDocument } from 'yaml';
import type { GraphExecutor } from '../../graph/executor';
import { EDITOR_TOKEN, startTestServer, type TestServer } from '../helpers/api';
import { fixture, resetGraph, seed, snapshot, testExecutor } from '../helpers/graph';
import { launchChromium, offlinePage, screenshot, type OfflinePage } from './chromium';

jest.setTimeout(180_000);

const RELEASE = fixture('draft-page-release.txt');
const HEADLINE = RELEASE.split('\n')[0] ?? '';

let executor: GraphExecutor;
let server: TestServer;
let browser: Browser;
let draft: OfflinePage;
/** The YAML once everything the drafter left to a person is filled in (set by the editing test). */
let fixedYaml = '';

beforeAll(async () => {
  executor = testExecutor();
  await resetGraph(executor);
  await seed(executor);
  server = await startTestServer(executor);
  browser = await launchChromium();
  draft = await offlinePage(browser, server.url);
  // A loaded two-core machine can be slow to draft and validate; waits are on states, this only bounds them.
  draft.page.setDefaultTimeout(60_000);
  await draft.page.goto(`${server.url}/draft`);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await executor?.close();
});

const yamlText = (page: Page) => page.locator('#yaml').inputValue();

/** 1-based line of the first YAML line matching `re`. */
async function lineOf(page: Page, re: RegExp): Promise<number> {
  const at = (await yamlText(page)).split('\n').findIndex((l) => re.test(l));
  if (at < 0) throw new Error(`No YAML line matches ${re}`);
  return at + 1;
}

async function validation(page: Page, state: 'valid' | 'invalid'): Promise<void> {
  await page.locator(`#validation[data-state="${state}"]`).waitFor();
}

/** Lines the editor paints with a mark (ev, bad, sel, hov). */
async function markedLines(page: Page, kind: string): Promise<number[]> {
  const rows = await page.locator(`#editor .backdrop .line.${kind}`).all();
  return Promise.all(rows.map(async (r) => Number(await r.getAttribute('data-line'))));
}

test('pasting a release drafts a readout beside it, every placed value marked in the text', async () => {
  const { page } = draft;
  await page.locator('#release-text').fill(RELEASE);
  await page.locator('#publisher').fill('Test desk');
  await page.getByRole('button', { name: 'Draft readout' }).click();
  await page.locator('#draft-status[data-state="ready"]').waitFor();

  const marked = await page.locator('#release-view mark.ev').allTextContents();
  for (const text of ['Govind Mohan', 'Ministry of Home Affairs', 'Simon Ridley', 'counter-terrorism'])
    expect(marked).toContain(text);
  expect(await yamlText(page)).toMatch(/^format: readout\/v1$/m);
  // Drafted values are painted on their YAML lines.
  expect(await markedLines(page, 'ev')).toContain(await lineOf(page, /name: Govind Mohan/));
  // Entities: the ministry is in the graph already, the new Home Secretary is not.
  await page.locator('#matches li.existing', { hasText: 'Ministry of Home Affairs' }).waitFor();
  await page.locator('#matches li.new', { hasText: 'Govind Mohan' }).waitFor();
  expect(await page.locator('#checks li').count()).toBeGreaterThan(0);
  // What the drafter leaves to a person (a summary in one's own words) is already a loader issue, on its line.
  await validation(page, 'invalid');
  const summary = page.locator('#issues button', { hasText: 'dialogue.summary' });
  expect(await summary.getAttribute('data-line')).toBe(String(await lineOf(page, /^\s+summary:/)));
});

test('clicking a marked passage shows its value, line and confidence; the caret on a YAML line does the reverse', async () => {
  const { page } = draft;
  await page.locator('#release-view mark.ev', { hasText: /^Govind Mohan$/ }).click();
  const evidence = page.locator('#evidence');
  await evidence.locator('dd', { hasText: 'people[0].name' }).waitFor();
  expect(await evidence.innerText()).toMatch(/Confidence\s+\d+%/);
  const nameLine = await lineOf(page, /name: Govind Mohan/);
  expect(await evidence.innerText()).toContain(`line ${nameLine}`);
  expect(await markedLines(page, 'sel')).toEqual([nameLine]);

  // From the YAML side, by keyboard: put the caret on Simon Ridley's line.
  const ridley = await lineOf(page, /name: Simon Ridley/);
  await page.locator('#yaml').focus();
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < ridley; i++) await page.keyboard.press('ArrowDown');
  await page.locator('#release-view mark.selected', { hasText: /^Simon Ridley$/ }).waitFor();
  await evidence.locator('dd', { hasText: 'people[1].name' }).waitFor();
  expect(await markedLines(page, 'sel')).toEqual([ridley]);
});

/** The draft with what it leaves to a person done: a summary, notes dropped, each person's country. */
function completed(text: string): string {
  const doc = parseDocument(text);
  doc.setIn(['dialogue', 'summary'], 'Both home ministries went over their joint work and open requests.');
  const orgs = doc.get('organizations');
  const countryOf = new Map<string, unknown>();
  if (isSeq(orgs))
    for (const o of orgs.items) if (isMap(o)) countryOf.set(String(o.get('name')), o.get('country'));
  const people = doc.get('people');
  if (isSeq(people))
    for (const p of people.items)
      if (isMap(p) && !p.has('country')) p.set('country', countryOf.get(String(p.get('organization'))));
  const themes = doc.get('themes');
  if (isSeq(themes)) for (const t of themes.items) if (isMap(t) && t.get('note') === '') t.delete('note');
  return doc.toString();
}

test('editing the YAML: the loader’s issues follow as one types, each on its line, and go once fixed', async () => {
  const { page } = draft;
  fixedYaml = completed(await yamlText(page));
  await page.locator('#yaml').fill(fixedYaml);
  await validation(page, 'valid');
  expect(await page.locator('#issues li').count()).toBe(0);
  expect(await markedLines(page, 'bad')).toEqual([]);

  // Introduce an error: a role outside the vocabulary, on the second person's line.
  const lines = fixedYaml.split('\n');
  const roleAt = lines.findIndex(
    (l, i) => /^\s+role: /.test(l) && lines.slice(0, i).some((p) => /Simon Ridley/.test(p)),
  );
  expect(roleAt).toBeGreaterThan(0);
  lines[roleAt] = (lines[roleAt] ?? '').replace(/role: \S+/, 'role: chairman');
  await page.locator('#yaml').fill(lines.join('\n'));
  await validation(page, 'invalid');
  const issue = page.locator('#issues button', { hasText: 'people[1].role' });
  expect(await issue.getAttribute('data-line')).toBe(String(roleAt + 1));
  expect(await issue.innerText()).toContain('"chairman" is not allowed');
  expect(await markedLines(page, 'bad')).toEqual([roleAt + 1]);
  await page.locator('#editor .gutter .bad', { hasText: String(roleAt + 1) }).waitFor();
  // The issue takes the caret to its line (Enter on the focused button, as from the keyboard).
  await issue.focus();
  await page.keyboard.press('Enter');
  const caret = await page.evaluate<number>('document.getElementById("yaml").selectionStart');
  expect(caret).toBe(lines.slice(0, roleAt).join('\n').length + 1);

  // For the README: a value picked in the text, its line and the error's both in view.
  await page.locator('#release-view mark.ev', { hasText: /^Simon Ridley$/ }).click();
  await page.locator('#evidence dd', { hasText: 'people[1].name' }).waitFor();
  await screenshot(page, 'draft');

  await page.locator('#yaml').fill(fixedYaml);
  await validation(page, 'valid');
});

test('dry run and load with the editor token; the graph then holds the document', async () => {
  const { page } = draft;
  const before = await snapshot(executor);
  await page.getByRole('button', { name: 'Dry run' }).click();
  await page.locator('#result[data-state="error"]', { hasText: 'editor token' }).waitFor();

  await page.getByLabel('Editor token').fill(EDITOR_TOKEN);
  await page.getByRole('button', { name: 'Dry run' }).click();
  await page.locator('#result[data-state="dry-run"]').waitFor();
  expect(await page.locator('#result').innerText()).toMatch(/would create [1-9]\d* nodes?/);
  expect(await snapshot(executor)).toEqual(before);
  // Not kept anywhere unless asked, and then in this tab's sessionStorage only.
  const kept = () => page.evaluate<string | null>('sessionStorage.getItem("draft.editorToken")');
  expect(await kept()).toBeNull();
  await page.getByLabel(/Keep for this tab/).check();
  expect(await kept()).toBe(EDITOR_TOKEN);
  await page.getByLabel(/Keep for this tab/).uncheck();
  expect(await kept()).toBeNull();

  await page.getByRole('button', { name: 'Load into the graph' }).click();
  await page.locator('#result[data-state="loaded"]').waitFor();
  const sourceId = await page.locator('#result [data-source-id]').getAttribute('data-source-id');
  expect(sourceId).toMatch(/^source:/);
  const res = await server.gql<{
    source: { title: string; publisher: string } | null;
    person: { id: string; positions: { organization: { id: string } }[] } | null;
  }>(
    `query ($id: ID!) {
      source(id: $id) { title publisher }
      person(name: "Govind Mohan") { id positions { organization { id } } }
    }`,
    { id: sourceId },
  );
  expect(res.errors).toBeUndefined();
  expect(res.data?.source).toEqual({ title: HEADLINE, publisher: 'Test desk' });
  expect(res.data?.person?.positions.map((p) => p.organization.id)).toEqual([
    'org:in:ministry-of-home-affairs',
  ]);
});

test('nothing was fetched from elsewhere, nothing broke the CSP, no errors', async () => {
  expect(draft.blocked).toEqual([]);
  expect(await draft.cspViolations()).toEqual([]);
  expect(draft.errors).toEqual([]);
});
