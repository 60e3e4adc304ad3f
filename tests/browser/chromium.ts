// Browser-test helpers: Debian's headless Chromium driven by playwright-core (no browser is ever downloaded), pages
// cut off from every host but the test server, and screenshots kept for review and for the README.
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from 'cytoscape';
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
