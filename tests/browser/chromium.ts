// Browser-test helpers: Debian's headless Chromium driven by playwright-core (no browser is ever downloaded), pages
// cut off from every host but the test server, and screenshots kept for review and for the README.
import fs from 'node:fs';
import path from 'node:path';
import type { Core, EdgeSingular } from 'cytoscape';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const REPO = path.resolve(__dirname, '..', '..');
export const ARTIFACTS = path.join(REPO, 'test-artifacts');

export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run installs it).`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-default-apps',
      '--disable-quic',
    ],
  });
}

export interface OfflinePage {
  page: Page;
  /** Requests to any other host, aborted as a closed network would. */
  blocked: string[];
  /** Console errors and uncaught exceptions, from the page and its workers. */
  errors: string[];
  /** Path of every worker script the page started, even ones that have since ended. */
  workers: string[];
  /** Content-Security-Policy violations the page reported. */
  cspViolations(): Promise<string[]>;
}

/** A page that may reach the test server only: everything else is aborted and recorded. */
export async function offlinePage(browser: Browser, serverUrl: string): Promise<OfflinePage> {
  const origin = new URL(serverUrl).origin;
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const blocked: string[] = [];
  const errors: string[] = [];
  const workers: string[] = [];
  // page.workers() lists live workers only, and Monaco starts some lazily: record each one as it starts.
  page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    blocked.push(url);
    return route.abort('internetdisconnected');
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  // This code runs in the page; the root tsconfig has no DOM types, hence the narrow local shape.
  await page.addInitScript(() => {
    const win = globalThis as unknown as {
      __cspViolations: string[];
      addEventListener(
        type: string,
        listener: (e: { effectiveDirective: string; blockedURI: string }) => void,
      ): void;
    };
    win.__cspViolations = [];
    win.addEventListener('securitypolicyviolation', (e) =>
      win.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}`),
    );
  });
  return {
    page,
    blocked,
    errors,
    workers,
    cspViolations: () =>
      page.evaluate(() => (globalThis as unknown as { __cspViolations: string[] }).__cspViolations),
  };
}

/** The expression `fn(window.explorer.cy, arg)`, to run in the explorer page. */
function cyCall<A, R>(fn: (cy: Core, arg: A) => R, arg: A): string {
  return `(${fn.toString()})(window.explorer.cy, ${JSON.stringify(arg)})`;
}

/** Runs `fn` in the explorer page with its Cytoscape instance (window.explorer.cy). */
export function inCy<R, A = null>(page: Page, fn: (cy: Core, arg: A) => R, arg: A): Promise<R> {
  return page.evaluate<R>(cyCall(fn, arg));
}

/** Waits until `fn` holds in the explorer page (polled from here: waitForFunction's eval would break the CSP). */
export async function untilCy<A>(page: Page, fn: (cy: Core, arg: A) => boolean, arg: A): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await inCy(page, fn, arg))) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${fn.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Clicks where a node or an edge is drawn on the canvas, as a person would. The point is one where Cytoscape's own
 * hit test finds that element: an edge's midpoint can lie under a node (CI once clicked a theme there instead).
 */
export async function clickElement(page: Page, id: string): Promise<void> {
  // Aim only at a still view: a node gliding into place or a viewport still zooming out moves the target.
  await untilCy(
    page,
    (cy) =>
      !cy.animated() &&
      !cy
        .elements()
        .toArray()
        .some((e) => e.animated()),
    null,
  );
  const at = await inCy(
    page,
    (cy, elId) => {
      type Hit = { id(): string } | undefined;
      const hitTest = (
        cy as unknown as {
          renderer(): { findNearestElement(x: number, y: number, i: boolean, t: boolean): Hit };
        }
      ).renderer();
      const el = cy.getElementById(elId);
      const candidates: { x: number; y: number }[] = [];
      if (el.isNode()) {
        const p = el.position();
        for (const d of [0, 3, -3, 6, -6]) candidates.push({ x: p.x + d, y: p.y }, { x: p.x, y: p.y + d });
      } else {
        const edge = el as unknown as EdgeSingular;
        const a = edge.sourceEndpoint();
        const b = edge.targetEndpoint();
        candidates.push(edge.midpoint());
        for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.15, 0.85]) {
          candidates.push({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
        }
      }
      const hit = candidates.find((c) => hitTest.findNearestElement(c.x, c.y, true, false)?.id() === elId);
      if (!hit) return null;
      const pan = cy.pan();
      const zoom = cy.zoom();
      return { x: hit.x * zoom + pan.x, y: hit.y * zoom + pan.y };
    },
    id,
  );
  if (!at) throw new Error(`No point on the canvas selects ${id}: other elements cover it`);
  const box = await page.locator('#graph').boundingBox();
  if (!box) throw new Error('#graph is not displayed');
  await page.mouse.click(box.x + at.x, box.y + at.y);
}

/** Saves a screenshot to test-artifacts/ and, for the README, to docs/images/. */
export async function screenshot(page: Page, name: string, forReadme = true): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  if (!forReadme) return;
  fs.mkdirSync(path.join(REPO, 'docs', 'images'), { recursive: true });
  fs.copyFileSync(file, path.join(REPO, 'docs', 'images', `${name}.png`));
}

/** Appends measured timings to test-artifacts/browser-timings.json (read by people, not by tests). */
export function recordTimings(name: string, timings: Record<string, number>): void {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, 'browser-timings.json');
  const all = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>)
    : {};
  fs.writeFileSync(file, JSON.stringify({ ...all, [name]: timings }, null, 2));
}
