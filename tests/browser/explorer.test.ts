// The visual explorer in real headless Chromium with every other host unreachable: search Ajay Bhalla, draw his
// neighbourhood, expand the 2024 U.S.–India Homeland Security Dialogue with a click, read its sources, filter,
// and export the view.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { GraphExecutor } from '../../graph/executor';
import { startTestServer, type TestServer } from '../helpers/api';
import { resetGraph, seed, testExecutor } from '../helpers/graph';
import {
  clickElement,
  inCy,
  launchChromium,
  offlinePage,
  recordTimings,
  screenshot,
  untilCy,
  type OfflinePage,
} from './chromium';

jest.setTimeout(120_000);

const AJAY = 'person:ajay-bhalla';
const DIALOGUE = 'dialogue:2024-us-india-homeland-security-dialogue';
const SOURCE_TITLE = 'U.S.-India hold Homeland Security Dialogue covering wide-range of issues';

let executor: GraphExecutor;
let server: TestServer;
let browser: Browser;
let explorer: OfflinePage;

beforeAll(async () => {
  executor = testExecutor();
  await resetGraph(executor);
  await seed(executor);
  server = await startTestServer(executor);
  browser = await launchChromium();
  explorer = await offlinePage(browser, server.url);
  await explorer.page.goto(`${server.url}/explore`);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await executor?.close();
});

/** Ids of the nodes drawn, optionally of one type. */
function nodeIds(page: Page, type = ''): Promise<string[]> {
  return inCy(page, (cy, t) => cy.nodes(t ? `[type = "${t}"]` : '').map((n) => n.id()), type);
}

async function nodeCount(page: Page): Promise<number> {
  return (await nodeIds(page)).length;
}

/** Waits until the view is drawn and arranged (the layout worker is done). */
async function waitUntilReady(page: Page): Promise<void> {
  await page.locator('#status[data-state="ready"]').waitFor();
}

test('search finds Ajay Bhalla and draws his neighbourhood', async () => {
  const { page } = explorer;
  await page.locator('#search').fill('Ajay Bhalla');
  await page.locator('#search').press('Enter');
  const started = Date.now();
  await page.locator('#search-results button', { hasText: 'Ajay Bhalla' }).first().click();
  await waitUntilReady(page);
  recordTimings('explorer', { neighbourhoodMs: Date.now() - started });
  const ids = await nodeIds(page);
  expect(ids).toEqual(
    expect.arrayContaining([AJAY, DIALOGUE, 'org:in:ministry-of-home-affairs', 'country:in']),
  );
  await page.locator('#panel h2', { hasText: 'Ajay Bhalla' }).waitFor();
});

test('clicking the dialogue expands it and the panel shows its sources', async () => {
  const { page } = explorer;
  const before = await nodeCount(page);
  await clickElement(page, DIALOGUE);
  await page.locator('#panel h2', { hasText: 'Homeland Security Dialogue' }).waitFor();
  await page.locator('#panel .sources li.source', { hasText: SOURCE_TITLE }).waitFor();
  await untilCy(page, (cy, n) => cy.nodes().length > n, before);
  await waitUntilReady(page);
  // Kristie Canegallo attended the dialogue: she arrives with its neighbourhood.
  expect(await nodeIds(page)).toContain('person:kristie-canegallo');
  expect(await inCy(page, (cy, id) => cy.getElementById(id).hasClass('expanded'), DIALOGUE)).toBe(true);
});

test('clicking an edge shows the documents that assert it', async () => {
  const { page } = explorer;
  const edge = await inCy(
    page,
    (cy, [from, to]) => cy.edges(`[type = "ATTENDED"][source = "${from}"][target = "${to}"]`).first().id(),
    [AJAY, DIALOGUE],
  );
  await clickElement(page, edge);
  await page.locator('#panel h2', { hasText: 'ATTENDED' }).waitFor();
  await page.locator('#panel .sources li.source', { hasText: SOURCE_TITLE }).waitFor();
  // Select the dialogue again for the screenshot.
  await clickElement(page, DIALOGUE);
  await page.locator('#panel .sources li.source', { hasText: SOURCE_TITLE }).waitFor();
  await waitUntilReady(page);
  await screenshot(page, 'explorer');
});

test('edge-type and date filters redraw the view', async () => {
  const { page } = explorer;
  // Documents' MENTIONS edges start hidden (the panel lists sources); checking the type draws the documents.
  const mentions = page.locator('#edge-types label', { hasText: 'MENTIONS' }).locator('input');
  expect(await mentions.isChecked()).toBe(false);
  expect(await nodeIds(page, 'Source')).toEqual([]);
  await mentions.check();
  await untilCy(page, (cy) => cy.nodes('[type = "Source"]').nonempty(), null);
  await mentions.uncheck();
  await untilCy(page, (cy) => cy.nodes('[type = "Source"]').empty(), null);
  // No post is known to be held in 2019: the HOLDS_POST edges go, the rest stays.
  const posts = () => inCy(page, (cy) => cy.edges('[type = "HOLDS_POST"]').length, null);
  expect(await posts()).toBeGreaterThan(0);
  await page.locator('#at').fill('2019');
  await page.locator('#at').press('Enter');
  await untilCy(page, (cy) => cy.edges('[type = "HOLDS_POST"]').empty(), null);
  await page.locator('#at').fill('');
  await page.locator('#at').press('Enter');
  await untilCy(page, (cy) => cy.edges('[type = "HOLDS_POST"]').nonempty(), null);
});

test('export: Cytoscape JSON downloads the view; GraphML and GEXF come from /export with the view’s filters', async () => {
  const { page } = explorer;
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-cyjs').click()]);
  const file = await download.path();
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    elements: { nodes: { data: { id: string } }[]; edges: { data: { source: string } }[] };
  };
  expect(json.elements.nodes.map((n) => n.data.id)).toEqual(expect.arrayContaining([AJAY, DIALOGUE]));
  expect(json.elements.nodes).toHaveLength(await nodeCount(page));
  const href = await page.locator('#export-graphml').getAttribute('href');
  const url = new URL(href ?? '', server.url);
  expect(url.pathname).toBe('/export');
  // The view's own filters go along: MENTIONS is off at first, so the other types are listed.
  expect(Object.fromEntries(url.searchParams)).toEqual({
    ids: `${AJAY},${DIALOGUE}`,
    depth: '1',
    maxNodes: '400',
    format: 'graphml',
    types:
      'HOLDS_POST,ATTENDED,PART_OF,OF_COUNTRY,BETWEEN,HOSTED_BY,EDITION_OF,DISCUSSED,WORKING_GROUP,PARTY_TO,CONCLUDED_AT,COVERS,BROADER',
  });
  const graphml = await fetch(url);
  expect(graphml.status).toBe(200);
  expect(await graphml.text()).toMatch(/<graphml[\s\S]*dialogue:2024-us-india-homeland-security-dialogue/);
  const gexf = new URL((await page.locator('#export-gexf').getAttribute('href')) ?? '', server.url);
  expect(gexf.searchParams.get('format')).toBe('gexf');
});

test('nothing was fetched from elsewhere, nothing broke the CSP, no errors', async () => {
  expect(explorer.blocked).toEqual([]);
  expect(await explorer.cspViolations()).toEqual([]);
  expect(explorer.errors).toEqual([]);
});
