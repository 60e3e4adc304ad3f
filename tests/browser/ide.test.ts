// The GraphQL IDE in real headless Chromium with every other host unreachable: it loads, its workers run from this
// server, an example question from the README runs and its answer shows; docs explorer and history work.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { GraphExecutor } from '../../graph/executor';
import { startTestServer, type TestServer } from '../helpers/api';
import { resetGraph, seed, testExecutor } from '../helpers/graph';
import { launchChromium, offlinePage, recordTimings, screenshot, type OfflinePage } from './chromium';

jest.setTimeout(120_000);

const README = fs.readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
const QUESTIONS = [
  ...(README.split('## Questions you can ask')[1]?.split('\n## ')[0] ?? '').matchAll(/^\*\*(.+?)\*\*$/gm),
].map((m) => m[1] ?? '');

let executor: GraphExecutor;
let server: TestServer;
let browser: Browser;
let ide: OfflinePage;
let loadMs = 0;

beforeAll(async () => {
  executor = testExecutor();
  await resetGraph(executor);
  await seed(executor);
  server = await startTestServer(executor);
  browser = await launchChromium();
  ide = await offlinePage(browser, server.url);
  const started = Date.now();
  await ide.page.goto(`${server.url}/ide`);
  await ide.page.getByText('Questions from the README').waitFor();
  loadMs = Date.now() - started;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await executor?.close();
});

test('the example picker lists the README’s eleven questions', async () => {
  expect(QUESTIONS).toHaveLength(11);
  const titles = await ide.page.locator('.examples button').allTextContents();
  expect(titles).toEqual(QUESTIONS);
});

test('an example question runs and its answer shows (Kristie Canegallo)', async () => {
  const { page } = ide;
  await page.getByRole('button', { name: /^1\. Who are Ajay Bhalla/ }).click();
  await page.locator('.graphiql-query-editor').getByText('counterparts').first().waitFor();
  const started = Date.now();
  await page.locator('.graphiql-execute-button').click();
  await page.locator('.graphiql-response').getByText('Kristie Canegallo').waitFor();
  recordTimings('ide', { loadMs, runMs: Date.now() - started });
  expect(await page.locator('.graphiql-response').textContent()).toMatch(/Homeland\s+Security\s+Dialogue/);
  // Monaco's language services run in workers served by this server, not on the main thread.
  // The GraphQL worker starts lazily, on the editor's first validation pass: wait for it rather than race it.
  const isGraphqlWorker = (p: string): boolean => /^\/web\/assets\/graphql\.worker-.+\.js$/.test(p);
  if (!ide.workers.some(isGraphqlWorker)) {
    await page.waitForEvent('worker', {
      predicate: (w) => isGraphqlWorker(new URL(w.url()).pathname),
      timeout: 30_000,
    });
  }
  expect(ide.workers.filter(isGraphqlWorker).length).toBeGreaterThanOrEqual(1);
  await screenshot(page, 'ide');
});

test('the docs explorer shows the schema, and the history keeps the run', async () => {
  const { page } = ide;
  await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
  await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().click();
  await page.locator('.graphiql-doc-explorer').getByText('subgraph').first().waitFor();
  await page.getByRole('button', { name: 'Show History' }).click();
  await page
    .locator('.graphiql-history')
    .getByText(/Who are Ajay Bhalla|person/)
    .first()
    .waitFor();
});

test('nothing was fetched from elsewhere, nothing broke the CSP, no errors', async () => {
  // A closed network: every request to another host was aborted. None was made, so none was essential.
  expect(ide.blocked).toEqual([]);
  expect(await ide.cspViolations()).toEqual([]);
  expect(ide.errors).toEqual([]);
});
