// The explorer stays responsive on a 1,000-node view: the subgraph answer is replaced by a made-up one of 1,000
// nodes and ~1,500 edges (the bundled data are far smaller), then drawing, clicking and zooming are timed.
import type { Browser } from 'playwright-core';
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
  type OfflinePage,
} from './chromium';
import { syntheticSubgraph } from './syntheticSubgraph';

jest.setTimeout(120_000);

const BIG = syntheticSubgraph('person:ajay-bhalla', 1000, 500);
/** Zooms in and resolves with the time until the second animation frame after, i.e. until it is drawn. */
const ZOOM_FRAME = `new Promise((done) => {
  const cy = window.explorer.cy;
  const t = performance.now();
  cy.zoom({ level: cy.zoom() * 1.5, renderedPosition: { x: 400, y: 300 } });
  requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t)));
})`;

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
  // Registered after the offline route, so it is asked first: subgraph queries get the big graph.
  await explorer.page.route(`${server.url}/graphql`, async (route) => {
    if (!route.request().postData()?.includes('ExplorerSubgraph')) return route.fallback();
    await route.fulfill({ json: { data: { subgraph: BIG } } });
  });
  await explorer.page.goto(`${server.url}/explore`);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await executor?.close();
});

test('a 1,000-node view draws in one layout and stays responsive', async () => {
  const { page } = explorer;
  // Main-thread tasks over 50 ms, as the browser reports them: the page is frozen while one runs.
  await page.evaluate(`(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  })()`);
  await page.locator('#search').fill('Ajay Bhalla');
  await page.locator('#search').press('Enter');
  const started = Date.now();
  await page.locator('#search-results button', { hasText: 'Ajay Bhalla' }).first().click();
  await page.locator('#status', { hasText: `1000 nodes, ${BIG.edges.length} edges` }).waitFor();
  const shownMs = Date.now() - started;
  // The layout runs in a worker: zooming while it runs is still drawn promptly.
  const zoomWhileArrangingMs = Number(await page.evaluate(ZOOM_FRAME));
  await page.locator('#status[data-state="ready"]').waitFor({ timeout: 90_000 });
  const arrangedMs = Date.now() - started;
  const longestTaskMs = Number(await page.evaluate('Math.max(0, ...window.__longTasks)'));

  await screenshot(page, 'explorer-1000-nodes', false);

  // A click on a node updates the panel at once, and expanding it (nothing new to add) costs no layout. As a
  // person would, zoom in on the node first: at full view a node of a 1,000-node graph is a few pixels wide.
  const target = BIG.nodes[500]!;
  await inCy(
    page,
    (cy, id) => {
      cy.zoom(1);
      cy.center(cy.getElementById(id));
    },
    target.id,
  );
  const clicked = Date.now();
  await clickElement(page, target.id);
  await page.locator('#panel h2', { hasText: target.label }).waitFor();
  const clickMs = Date.now() - clicked;

  const zoomMs = Number(await page.evaluate(ZOOM_FRAME));
  const timings = { shownMs, zoomWhileArrangingMs, arrangedMs, longestTaskMs, clickMs, zoomMs };
  recordTimings(
    'explorer-1000-nodes',
    Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])),
  );

  // Generous bounds (CI machines are small and shared); the recorded timings are the real measure.
  expect(shownMs).toBeLessThan(15_000);
  expect(arrangedMs).toBeLessThan(60_000);
  expect(longestTaskMs).toBeLessThan(6_000);
  expect(clickMs).toBeLessThan(3_000);
  expect(zoomWhileArrangingMs).toBeLessThan(2_000);
  expect(zoomMs).toBeLessThan(2_000);
  expect(await inCy(page, (cy) => cy.nodes().length, null)).toBe(1000);
  expect(explorer.blocked).toEqual([]);
  expect(explorer.errors).toEqual([]);
});
