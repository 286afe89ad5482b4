// harness: one server and one headless Chromium (Debian's) per test file, and helpers
// that read and drive the app through `window.coach`, its view tree (version 2, README).
import { after, before } from 'node:test';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '../..');
export const DIST = process.env.COACH_DIST || join(ROOT, 'build/web/dist');

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
  await waitForReady(page);
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

// The middle of the part of a node that is on screen; fails when none of it is.
export async function onScreen(page, id) {
  const it = await item(page, id);
  const { width, height } = page.viewportSize();
  const x0 = Math.max(it.x, 0), x1 = Math.min(it.x + it.w, width);
  const y0 = Math.max(it.y, 0), y1 = Math.min(it.y + it.h, height);
  if (x1 - x0 < 1 || y1 - y0 < 1) throw new Error(`'${id}' is off screen at [${it.rect.map(Math.round)}] in ${width}x${height}`);
  return { x: (x0 + x1) / 2, y: (y0 + y1) / 2 };
}

// A click where the node is drawn: the canvas path a mouse takes.
export async function click(page, id) {
  const c = await onScreen(page, id);
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
  const c = await onScreen(page, id);
  await page.touchscreen.tap(c.x, c.y);
}

// Waits for a page-side predicate over window.coach; on timeout says what the app showed.
export function waitForView(page, predicate, arg) {
  return page.waitForFunction(predicate, arg, { timeout: 10000 }).catch(async (e) => {
    const seen = await page.evaluate(() => `screen '${window.coach?.screen}' at ${location.search}, focus on ${document.activeElement?.dataset?.id ?? document.activeElement?.tagName}`).catch(() => 'no page');
    throw new Error(`waited in vain for ${String(predicate).replace(/\s+/g, ' ').slice(0, 200)} (${JSON.stringify(arg) ?? ''}): ${seen}. ${e.message}`);
  });
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

// Waits for the app's first frame after a load; says how far loading got when it never comes.
export function waitForReady(page) {
  return page.waitForFunction(() => window.coach && (window.coach.ready || window.coach.problem), null, { timeout: 20000 }).catch(async (e) => {
    const seen = await page.evaluate(() => `${location.href}: ${document.getElementById('loading-status')?.textContent}, coach ${JSON.stringify(window.coach ?? null)}`).catch((x) => x.message);
    throw new Error(`the app never drew its first frame (${seen}). ${e.message}`);
  });
}

// Opens another address in the same page, or reloads it, and waits for the first frame.
export async function gotoApp(env, page, query) {
  await page.goto(env.url + query);
  await waitForReady(page);
}
export async function reloadApp(page) {
  await page.reload();  // pagehide writes whatever the batching pause had not written yet
  await waitForReady(page);
}

// What a page's address asks for, as a plain object ({lang, lesson, page, ...}).
export const addressOf = (page) => Object.fromEntries(new URL(page.url()).searchParams);

// The controls a keyboard reaches, in reading order (the order of the tree).
export const FOCUSABLE_ROLES = new Set(['button', 'link', 'textbox', 'radio', 'checkbox']);
export const focusable = (nodes) => nodes.filter((n) => FOCUSABLE_ROLES.has(n.role) && !n.state?.disabled);

// The id of the mirror element that has DOM focus, or ''.
export const activeId = (page) => page.evaluate(() => document.activeElement?.dataset?.id ?? '');

// Waits until both the page (DOM focus in the mirror) and the app (the node's focused state,
// which draws the ring; and window.coach.focused, the focused id) agree that `id`
// has the keyboard focus.
export function waitForFocus(page, id) {
  return page.waitForFunction((i) => document.activeElement?.dataset?.id === i && window.coach.find(i)?.state?.focused === true &&
    window.coach.focused === i, id, { timeout: 10000 }).catch(async (e) => {
    const seen = await page.evaluate((i) => ({ dom: document.activeElement?.dataset?.id ?? document.activeElement?.tagName, app: String(window.coach.focused).slice(0, 40),
      state: JSON.stringify(window.coach.find(i)?.state ?? null), screen: window.coach.screen }), id);
    throw new Error(`focus never reached '${id}' on '${seen.screen}': DOM focus on ${seen.dom}, window.coach.focused ${seen.app}, its state ${seen.state} (${e.message})`);
  });
}

// Focuses a text field the way a learner does, by clicking where it is drawn; its mirror
// <input> then has the focus and takes the typing.
export async function focusField(page, id) {
  await click(page, id);
  await page.waitForFunction((i) => document.activeElement?.dataset?.id === i && document.activeElement.tagName === 'INPUT', id, { timeout: 10000 });
}

// The browser's accessibility tree (what a screen reader gets), without ignored nodes:
// each {role, name, description, props, parent, children} with children resolved.
export async function accessibilityTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const out = new Map();
  const shape = (n) => {
    if (out.has(n.nodeId)) return out.get(n.nodeId);
    const props = Object.fromEntries((n.properties || []).map((p) => [p.name, p.value.value]));
    const s = { role: n.role?.value ?? '', name: n.name?.value ?? '', description: n.description?.value ?? '', props, ignored: n.ignored, parent: null, children: [] };
    out.set(n.nodeId, s);
    return s;
  };
  for (const n of nodes) {
    const s = shape(n);
    for (const c of n.childIds || []) {
      const child = byId.get(c);
      if (child) { const cs = shape(child); cs.parent = s; s.children.push(cs); }
    }
  }
  return [...out.values()].filter((n) => !n.ignored);
}

// axe-core over the whole document with the WCAG 2.x A and AA rules; returns its violations.
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: join(here, 'node_modules/axe-core/axe.min.js') });
  }
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`) }));
  });
}
