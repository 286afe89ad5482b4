// harness: one server and one headless Chromium (Debian's) per test file, and helpers
// that read and drive the app through `window.coach`, its view tree (version 2, README).
import { after, before } from 'node:test';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = process.env.COACH_DIST || join(here, '../../build/web/dist');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-gl=swiftshader', '--enable-unsafe-swiftshader',
];

export function launchChromium() {
  return chromium.launch({ executablePath: process.env.COACH_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// Registers before/after hooks; the returned object fills in once they ran.
export function useApp({ extra = {} } = {}) {
  const env = { url: '', browser: null, server: null };
  before(async () => {
    const { server, url } = await startServer({ root: DIST, port: 0, extra });
    env.server = server;
    env.url = url;
    env.browser = await launchChromium();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

// Opens the app and waits for its first frame. Collects console errors and page errors.
export async function openApp(env, { query = '', viewport = { width: 1024, height: 768 }, scale = 1, mobile = false, context } = {}) {
  const ctx = context || await env.browser.newContext({ viewport, deviceScaleFactor: scale, isMobile: mobile, hasTouch: mobile, locale: 'zh-CN' });
  const page = await ctx.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(env.url + query);
  await page.waitForFunction(() => window.coach && (window.coach.ready || window.coach.problem), null, { timeout: 20000 });
  return { page, errors, context: ctx };
}

// window.coach version 2: the view tree. `nodes` lists every node of it in reading order,
// each with its rectangle as x, y, w, h and its accessible name also as `text`.
export const flatten = (root) => {
  const out = [];
  const walk = (n, parent) => {
    const [x, y, w, h] = n.rect;
    out.push({ ...n, parent, text: n.name, value: n.state?.valueText ?? '', x, y, w, h });
    for (const c of n.children || []) walk(c, n.id);
  };
  if (root) walk(root, '');
  return out;
};

export async function view(page) {
  const v = await page.evaluate(() => ({ ...window.coach, root: window.coach.root }));
  return { ...v, nodes: flatten(v.root) };
}

export async function item(page, id) {
  const v = await view(page);
  const found = v.nodes.find((i) => i.id === id);
  if (!found) throw new Error(`no node '${id}' on screen '${v.screen}': ${v.nodes.map((i) => i.id).join(', ')}`);
  return found;
}

export const center = (it) => ({ x: it.x + it.w / 2, y: it.y + it.h / 2 });

// A click where the node is drawn: the canvas path a mouse takes.
export async function click(page, id) {
  const c = center(await item(page, id));
  await page.mouse.click(c.x, c.y);
}

// By meaning: what a screen reader's click does. Fails when nothing took the activation.
export async function activate(page, id) {
  const ok = await page.evaluate((i) => window.coach.activate(i), id);
  if (!ok) throw new Error(`activate('${id}') found no such control on '${(await view(page)).screen}'`);
}

// The accessible name of a node.
export async function textOf(page, id) {
  return (await item(page, id)).name;
}

export async function tap(page, id) {
  const c = center(await item(page, id));
  await page.touchscreen.tap(c.x, c.y);
}

export function waitForView(page, predicate, arg) {
  return page.waitForFunction(predicate, arg, { timeout: 10000 });
}

export const waitForScreen = (page, screen) => waitForView(page, (s) => window.coach.screen === s, screen);

// Waits until the app has stopped drawing (background font loaded, frames settled).
export async function settle(page) {
  await page.waitForFunction(() => window.coach.fallbackFont, null, { timeout: 20000 });
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const frames = (await view(page)).frames;
    if (frames === last) return frames;
    last = frames;
    await page.waitForTimeout(150);
  }
  throw new Error('the app never stopped drawing');
}
