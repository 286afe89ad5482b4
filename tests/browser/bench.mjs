// bench: what a learner pays for the app, printed as figures (not a test: no pass or fail).
//   first-load bytes, raw and gzip -9, per file and in total (the budget: 450 KB gzip)
//   milliseconds to the first interactive frame in headless Chromium (budget: 1.5 s)
//   frames and main-thread CPU milliseconds per second while idle
//   main-thread milliseconds per frame while the pointer moves over the home screen
//   the WebAssembly memory size
// Usage: ./coach bench [--runs N]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer } from '../../tools/serve.mjs';
import { DIST, launchChromium } from './harness.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
// The page and every script it imports (each *.js in dist besides the app's own), then what
// the loader fetches for the first frame.
const PAGE_SCRIPTS = readdirSync(DIST).filter((f) => f.endsWith('.js') && f !== 'app.js').sort();
const FIRST_LOAD = ['index.html', ...PAGE_SCRIPTS, 'manifest.json', 'app.js', 'app.wasm', 'fonts/ui.otf', 'fonts/marks.otf', 'course.json'];
const BACKGROUND = ['fonts/lessons.otf', 'fonts/fallback.otf', 'fonts/practice.otf', 'quizzes.json', 'assessment.json'];
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

// Main-thread cost of an interactive frame: the pointer crosses the home screen in MOVES steps
// (over cards, buttons and the gaps between, so hover states change), each step waiting until
// the frame it caused was drawn. The DevTools metrics before and after, divided by the frames
// the app drew, give milliseconds per frame: all work on the page's main thread (TaskDuration)
// and the part spent running script and WebAssembly (ScriptDuration). Both are wall time, and
// on a busy machine most of it is the main thread waiting at Commit for the compositor and
// the GPU process; a trace of the same moves adds the main thread's CPU time, which load
// barely changes, and the time in requestAnimationFrame callbacks, where the app draws.
const MOVES = 60;
async function pointerFrames(page, cdp, metric) {
  const nextFrames = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.mouse.move(10, 10);
  await nextFrames();
  const events = [];
  const collect = (e) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,toplevel', transferMode: 'ReportEvents' });
  const before = { m: await metric(), frames: await page.evaluate(() => window.coach.frames) };
  for (let k = 0; k < MOVES; k++) {
    await page.mouse.move(150 + ((k * 53) % 700), 60 + ((k * 97) % 660));
    await nextFrames();
  }
  const after = { m: await metric(), frames: await page.evaluate(() => window.coach.frames) };
  const traced = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.end');
  await traced;
  cdp.off('Tracing.dataCollected', collect);
  const frames = after.frames - before.frames;
  const per = (name) => ((after.m[name] - before.m[name]) * 1000) / Math.max(frames, 1);
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const traceSum = (name, field) => events.filter((e) => e.ph === 'X' && e.name === name && main.has(`${e.pid}:${e.tid}`))
    .reduce((sum, e) => sum + (e[field] || 0), 0) / 1000 / Math.max(frames, 1);
  return {
    frames, task: per('TaskDuration'), script: per('ScriptDuration'),
    cpu: traceSum('ThreadControllerImpl::RunTask', 'tdur'), animationFrame: traceSum('FireAnimationFrame', 'dur'),
  };
}

const first = sizes(FIRST_LOAD);
printSizes('First load (everything before the first frame)', first);
console.log(`  budget 450 KB gzip: ${first.gz <= 450 * 1024 ? 'within' : 'OVER'}`);
printSizes('Loaded in the background after the first frame', sizes(BACKGROUND));

const { server, url } = await startServer({ root: DIST, port: 0 });
const browser = await launchChromium();
try {
  const firstFrames = [];
  let idle = null;
  let pointer = null;
  let profileIdle = 0;
  const screens = [];
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
      pointer = await pointerFrames(page, cdp, metric);
      // The same moves over a lesson page and over a quiz item (the ordering item: rows with
      // buttons), which must cost no more than the home screen.
      for (const [name, query] of [['a lesson page', '?lang=zh&lesson=credit-management&page=3'], ['a quiz item', `?lang=zh&screen=quiz&quiz=credit-management&item=1`]]) {
        await page.goto(url + query);
        await page.waitForFunction(() => window.coach && window.coach.ready && (window.coach.find('lesson.title') || window.coach.find('quiz.title')), null, { timeout: 20000 });
        await page.waitForTimeout(500);
        const c2 = await context.newCDPSession(page);
        await c2.send('Performance.enable');
        const m2 = async () => Object.fromEntries((await c2.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
        screens.push([name, await pointerFrames(page, c2, m2)]);
      }
      // The self-assessment's profile, whose charts are drawn shapes: taken by meaning first.
      await page.goto(url + '?lang=zh&start=assessment');
      await page.waitForFunction(() => window.coach && window.coach.ready && window.coach.find('assessment-ratings'), null, { timeout: 20000 });
      for (let n = 0; n < 24 && !(await page.evaluate(() => Boolean(window.coach.find('assessment-finish')))); n++) {
        await page.evaluate((r) => window.coach.activate(`assessment-rate-${r}`), (n % 5) + 1);
      }
      await page.evaluate(() => window.coach.activate('assessment-rate-3') && window.coach.activate('assessment-finish'));
      await page.waitForFunction(() => window.coach.find('profile-chart'), null, { timeout: 20000 });
      await page.waitForTimeout(1000);
      const c3 = await context.newCDPSession(page);
      await c3.send('Performance.enable');
      const m3 = async () => Object.fromEntries((await c3.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
      const still = await page.evaluate(() => window.coach.frames);
      await page.waitForTimeout(3000);
      profileIdle = ((await page.evaluate(() => window.coach.frames)) - still) / 3;
      screens.push(['the profile (drawn charts)', await pointerFrames(page, c3, m3)]);
    }
    await context.close();
  }
  console.log(`\nFirst interactive frame (headless Chromium, ${RUNS} fresh loads from localhost)`);
  console.log(`  median ${median(firstFrames).toFixed(0)} ms, min ${Math.min(...firstFrames).toFixed(0)} ms, max ${Math.max(...firstFrames).toFixed(0)} ms`);
  console.log(`  budget 1500 ms: ${median(firstFrames) <= 1500 ? 'within' : 'OVER'}`);
  console.log('\nIdle (5 s after everything loaded)');
  console.log(`  ${idle.frames.toFixed(2)} frames/s, ${idle.cpu.toFixed(2)} CPU ms/s on the main thread`);
  console.log(`  the profile with its charts: ${profileIdle.toFixed(2)} frames/s`);
  console.log(`\nPointer moving over the home screen (${MOVES} moves, ${pointer.frames} frames drawn)`);
  console.log(`  ${pointer.task.toFixed(2)} ms main thread per frame, of which ${pointer.script.toFixed(2)} ms script and WebAssembly`);
  console.log(`  ${pointer.cpu.toFixed(2)} ms main-thread CPU per frame; ${pointer.animationFrame.toFixed(2)} ms per frame in animation-frame callbacks`);
  for (const [name, p] of screens) {
    console.log(`Pointer moving over ${name} (${p.frames} frames drawn): ${p.task.toFixed(2)} ms main thread, ${p.script.toFixed(2)} ms script and WebAssembly,`);
    console.log(`  ${p.cpu.toFixed(2)} ms main-thread CPU, ${p.animationFrame.toFixed(2)} ms in animation-frame callbacks per frame`);
  }
  console.log(`\nWebAssembly memory: ${(idle.memory / 1048576).toFixed(1)} MiB`);
} finally {
  await browser.close();
  server.close();
}
