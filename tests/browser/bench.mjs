// bench: what a learner pays for the app, printed as figures (not a test: no pass or fail).
//   first-load bytes, raw and gzip -9, per file and in total (the budget: 450 KB gzip)
//   milliseconds to the first interactive frame in headless Chromium (budget: 1.5 s)
//   frames and main-thread CPU milliseconds per second while idle
//   the WebAssembly memory size
// Usage: ./coach bench [--runs N]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer } from '../../tools/serve.mjs';
import { DIST, launchChromium } from './harness.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const FIRST_LOAD = ['index.html', 'shell.js', 'scheduler.js', 'text_agent.js', 'input.js', 'storage.js', 'manifest.json', 'app.js', 'app.wasm', 'fonts/ui.otf', 'course.json'];
const BACKGROUND = ['fonts/fallback.otf'];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function sizes(files) {
  let raw = 0, gz = 0;
  const rows = files.map((f) => {
    const bytes = readFileSync(join(DIST, f));
    const g = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length; gz += g;
    return [f, bytes.length, g];
  });
  return { rows, raw, gz };
}

function printSizes(title, s) {
  console.log(`\n${title}`);
  for (const [f, raw, gz] of s.rows) console.log(`  ${f.padEnd(22)} ${kb(raw).padStart(11)} raw ${kb(gz).padStart(11)} gzip`);
  console.log(`  ${'total'.padEnd(22)} ${kb(s.raw).padStart(11)} raw ${kb(s.gz).padStart(11)} gzip`);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const first = sizes(FIRST_LOAD);
printSizes('First load (everything before the first frame)', first);
console.log(`  budget 450 KB gzip: ${first.gz <= 450 * 1024 ? 'within' : 'OVER'}`);
printSizes('Loaded in the background after the first frame', sizes(BACKGROUND));

const { server, url } = await startServer({ root: DIST, port: 0 });
const browser = await launchChromium();
try {
  const firstFrames = [];
  let idle = null;
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.coach && window.coach.ready, null, { timeout: 20000 });
    firstFrames.push(await page.evaluate(() => window.coach.firstFrameMs));
    if (run === RUNS - 1) {
      await page.waitForFunction(() => window.coach.fallbackFont, null, { timeout: 20000 });
      await page.waitForTimeout(1000);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const metric = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
      const seconds = 5;
      const before = { m: await metric(), frames: await page.evaluate(() => window.coach.frames) };
      await page.waitForTimeout(seconds * 1000);
      const after = { m: await metric(), frames: await page.evaluate(() => window.coach.frames) };
      idle = {
        frames: (after.frames - before.frames) / seconds,
        cpu: ((after.m.TaskDuration - before.m.TaskDuration) * 1000) / seconds,
        memory: await page.evaluate(() => window.coach.wasmMemoryBytes),
      };
    }
    await context.close();
  }
  console.log(`\nFirst interactive frame (headless Chromium, ${RUNS} fresh loads from localhost)`);
  console.log(`  median ${median(firstFrames).toFixed(0)} ms, min ${Math.min(...firstFrames).toFixed(0)} ms, max ${Math.max(...firstFrames).toFixed(0)} ms`);
  console.log(`  budget 1500 ms: ${median(firstFrames) <= 1500 ? 'within' : 'OVER'}`);
  console.log('\nIdle (5 s after everything loaded)');
  console.log(`  ${idle.frames.toFixed(2)} frames/s, ${idle.cpu.toFixed(2)} CPU ms/s on the main thread`);
  console.log(`\nWebAssembly memory: ${(idle.memory / 1048576).toFixed(1)} MiB`);
} finally {
  await browser.close();
  server.close();
}
