// shell: the page around the app. Checks the browser, loads the app with a real progress
// bar, sizes the canvas for the screen's density, wires events, loads the large font in the
// background, carries out what each frame asks for (history, focus, saving, downloads), keeps
// the screen-reader mirror up to date, and publishes `window.coach` (version 2, see README):
// the view tree and the entry points that drive the app by meaning.
//
// On the web some things cannot be done from inside the app: it cannot own a window or the
// address bar, read the clipboard, or show a phone keyboard without a focused input. The page
// does those; the app asks for them in the result of each call (app/platform/web_api.h).
import { Scheduler } from './scheduler.js';
import { attachInput } from './input.js';
import { Storage } from './storage.js';
import { Mirror } from './mirror.js';
import { Wasm } from './wasm.js';

const $ = (id) => document.getElementById(id);

const PROBLEMS = {
  wasm: ['你的浏览器不支持 WebAssembly，无法运行回款教练。请换用最新版的 Chrome、Edge、Firefox 或 Safari。',
         'Your browser does not support WebAssembly, so Collection Coach cannot run. Please use a current Chrome, Edge, Firefox or Safari.'],
  webgl: ['你的浏览器或显卡没有开启 WebGL2，无法显示回款教练。请在浏览器设置中开启硬件加速，或换用最新版浏览器。',
          'WebGL2 is not available in this browser or on this graphics card, so Collection Coach cannot draw. Turn on hardware acceleration in the browser settings, or use a current browser.'],
  load: ['加载失败，请检查网络后重试。', 'Loading failed. Check your connection and try again.'],
};

function showProblem(kind, detail) {
  const [zh, en] = PROBLEMS[kind];
  $('problem-zh').textContent = zh;
  $('problem-en').textContent = en;
  $('problem-detail').textContent = detail || '';
  $('problem-retry').hidden = kind !== 'load';
  $('problem-retry').onclick = () => location.reload();
  $('loading').style.display = 'none';
  $('problem').style.display = 'flex';
  window.coach = Object.freeze({ version: 2, ready: false, problem: kind, detail: detail || '' });
}

function detectProblem() {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') return 'wasm';
  const probe = document.createElement('canvas');
  if (!probe.getContext('webgl2')) return 'webgl';
  return null;
}

// Fetches a file and reports its bytes as they arrive.
async function fetchBytes(url, onBytes) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onBytes(bytes.length);
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
    onBytes(value.length);
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) { bytes.set(chunk, at); at += chunk.length; }
  return bytes;
}

function progressMeter(total) {
  let received = 0;
  const bar = $('loading-bar');
  const status = $('loading-status');
  const loading = $('loading');
  return (bytes) => {
    received += bytes;
    const percent = Math.min(100, Math.round((received / total) * 100));
    bar.style.width = `${percent}%`;
    loading.setAttribute('aria-valuenow', String(percent));
    status.textContent = `正在加载 · Loading  ${(received / 1024).toFixed(0)} / ${(total / 1024).toFixed(0)} KB`;
  };
}

function runScript(source) {
  const script = document.createElement('script');
  script.textContent = source;
  document.head.appendChild(script);
}

// The practice (the quizzes, the self-assessment and their font): loaded after the first
// frame, or with the first load when the address opens one of their screens (a reload in the
// middle of a quiz, an instructor's ?start=assessment link).
const PRACTICE_FILES = ['fonts/practice.otf', 'quizzes.json', 'assessment.json'];
// The characters only the lessons' pages use (the first screens show their titles only).
const LESSONS_FONT = 'fonts/lessons.otf';
const PRACTICE_SCREENS = ['quizzes', 'quiz', 'review', 'assessment', 'profile', 'class', 'plan', 'accounts', 'account', 'plan-import'];
const wantsPractice = (params) => PRACTICE_SCREENS.includes(params.get('screen')) || params.get('start') === 'assessment';
// The collection plan is its own build of the app (app-plan.wasm, app/ui/plan_screens.h): the
// first load leaves it out, and an address on one of its screens loads it instead. The first
// build, asked for a plan screen, answers "loadPlan": the page reloads the same address, which
// then loads this one (the HTTP cache keeps everything else).
const PLAN_SCREENS = ['plan', 'accounts', 'account', 'plan-import'];
const wantsPlan = (params) => PLAN_SCREENS.includes(params.get('screen'));

// Step 1: everything the first frame needs, with real progress. A course from an instructor
// (?content=URL) is checked against every glyph the app can draw, so the large font comes
// with the first load then; such a course brings its own quizzes inside its file.
async function fetchFirstLoad(customContent) {
  const manifest = await (await fetch('manifest.json', { cache: 'no-cache' })).json();
  const app = wantsPlan(new URLSearchParams(location.search)) ? 'app-plan' : 'app';
  const names = [`${app}.js`, `${app}.wasm`, 'fonts/ui.otf', 'fonts/marks.otf', 'course.json'];
  const withPractice = wantsPractice(new URLSearchParams(location.search));
  if (customContent) names.push('fonts/fallback.otf');
  // A lesson's pages need their font before they are drawn; so do the check of a course's
  // glyphs and the practice (whose font leaves out what the lessons font has).
  const withLessons = Boolean(customContent) || withPractice || new URLSearchParams(location.search).has('lesson');
  if (withLessons) names.push(LESSONS_FONT);
  if (withPractice) names.push(...PRACTICE_FILES);
  // The plan's page scripts (its records and its import) come with its build, at the same time.
  // Its record store starts opening at once (plan_storage.js, openPlanRecords).
  const planScripts = app === 'app-plan'
    ? Promise.all([import('./plan_storage.js').then((m) => { m.openPlanRecords(); return m; }), import('./plan_import.js')]) : null;
  const onBytes = progressMeter(names.reduce((sum, f) => sum + (manifest.files[f] || 0), 0));
  const custom = customContent ? fetchBytes(customContent, () => {}).then((b) => ({ bytes: b }), (e) => ({ error: e })) : null;
  const at = Object.fromEntries(names.map((f, i) => [f, i]));
  const loaded = await Promise.all(names.map((f) => fetchBytes(f, onBytes)));
  const [script, wasm, font, marks, course] = loaded;
  const fallback = customContent ? loaded[at['fonts/fallback.otf']] : null;
  const lessons = withLessons ? loaded[at[LESSONS_FONT]] : null;
  const practice = withPractice ? Object.fromEntries(PRACTICE_FILES.map((f) => [f, loaded[at[f]]])) : null;
  const plan = planScripts ? Object.assign({}, ...await planScripts) : null;  // { PlanStorage, PlanImport }
  return { script, wasm, font, marks, course, fallback, lessons, practice, custom, plan };
}

async function createModule(files) {
  runScript(new TextDecoder().decode(files.script));
  return createCoachModule({
    instantiateWasm(imports, done) {
      WebAssembly.instantiate(files.wasm, imports).then((r) => done(r.instance, r.module));
      return {};
    },
  });
}

// Why a ?content= download failed, in words; the technical reason goes on a details line.
function downloadProblem(error) {
  const message = error && error.message ? error.message : String(error);
  const status = /HTTP (\d+)/.exec(message);
  if (status) return `HTTP ${status[1]}`;
  return message;
}

// Step 3: the course: the instructor's if it is usable, else the built-in one (the app keeps
// the reasons and shows them).
// Returns 'custom', 'built-in', or '' when not even the built-in course loads.
async function loadCourse(wasm, files, customContent) {
  const load = (bytes, name, isCustom) => wasm.call('coach_load_course', bytes, bytes.length, name, isCustom ? 1 : 0);
  if (files.custom) {
    const result = await files.custom;
    if (!result.error && load(result.bytes, customContent, true)) return 'custom';
    if (result.error) wasm.call('coach_content_unavailable', customContent, downloadProblem(result.error));
  }
  return load(files.course, 'course.json', false) ? 'built-in' : '';
}

// The built-in quizzes and self-assessment: their font first, so no item is ever drawn with
// missing glyphs. A failure is the app's to tell (their screens say why).
function givePractice(wasm, files) {
  const font = files['fonts/practice.otf'], quizzes = files['quizzes.json'], assessment = files['assessment.json'];
  wasm.call('coach_add_font', wasm.give(font), font.length, wasm.constants.font.practice);
  wasm.call('coach_load_quizzes', quizzes, quizzes.length, 'quizzes.json');
  wasm.call('coach_load_assessment', assessment, assessment.length, 'assessment.json');
}

// The browser's history follows the app: each navigation the app reports becomes a push, a
// replace or a step back, and the browser's back and forward (popstate) tell the app which
// entry is shown. history.state.index is the entry's place in the app's stack.
function historyKeeper(wasm, scheduler) {
  let index = history.state?.index ?? 0;
  let waitingForPop = false;
  window.addEventListener('popstate', (e) => {
    waitingForPop = false;
    index = e.state?.index ?? 0;
    wasm.call('coach_open', location.search, index);
    scheduler.drawNow();
  });
  return {
    get index() { return index; },
    apply(result) {
      for (const step of result.history) {
        if (step.op === 'push') { index += 1; history.pushState({ index }, '', result.url); }
        else if (step.op === 'replace') history.replaceState({ index }, '', result.url);
        else if (step.op === 'back') { index -= step.by; waitingForPop = true; history.go(-step.by); }
      }
      // The address always says where the learner is (a language switch, a resolved link).
      if (!waitingForPop && location.search !== result.url) history.replaceState({ index }, '', result.url);
    },
  };
}

function systemFlags(constants) {
  const s = constants.start;
  const mac = /Mac|iPhone|iPad/.test(navigator.platform || '') ? s.mac : 0;
  const dark = matchMedia('(prefers-color-scheme: dark)').matches ? s.dark : 0;
  const more = matchMedia('(prefers-contrast: more)').matches ? s.moreContrast : 0;
  const still = matchMedia('(prefers-reduced-motion: reduce)').matches ? s.reducedMotion : 0;
  return mac | dark | more | still;
}

// The share card: the rectangle of the frame just drawn (CSS px), read back from the canvas
// before the browser presents it (WebGL clears the drawing buffer after that), saved as a PNG.
// A phone offers it to its share sheet (a chat app), a computer downloads it.
function saveShareCard(canvas, card) {
  const gl = canvas.getContext('webgl2');
  const ratio = canvas.width / window.innerWidth;
  const x = Math.max(0, Math.round(card.x * ratio)), w = Math.min(canvas.width - x, Math.round(card.width * ratio));
  const top = Math.max(0, Math.round(card.y * ratio)), h = Math.min(canvas.height - top, Math.round(card.height * ratio));
  if (!gl || w <= 0 || h <= 0) return;
  const pixels = new Uint8Array(w * h * 4);
  gl.readPixels(x, canvas.height - top - h, w, h, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
  const out = document.createElement('canvas');
  out.width = w;
  out.height = h;
  const ctx = out.getContext('2d');
  const image = ctx.createImageData(w, h);
  for (let row = 0; row < h; row++) image.data.set(pixels.subarray((h - 1 - row) * w * 4, (h - row) * w * 4), row * w * 4);
  ctx.putImageData(image, 0, 0);
  out.toBlob(async (blob) => {
    if (!blob) return;
    const file = new File([blob], card.name, { type: 'image/png' });
    if (navigator.canShare?.({ files: [file] }) && matchMedia('(pointer: coarse)').matches) {
      try { await navigator.share({ files: [file] }); return; } catch { /* dismissed: download instead */ }
    }
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = card.name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }, 'image/png');
}

// Files dropped on the page go to the class view (result files) or the plan's import (a report
// or a plan file); nowhere else does a drop mean anything, and the browser must not navigate
// away to show the file instead.
function acceptDroppedFiles(wasm, scheduler, planImport) {
  const onClassView = () => new URLSearchParams(location.search).get('screen') === 'class';
  const onPlanImport = () => planImport !== null && planImport.constructor.showing();
  window.addEventListener('dragover', (e) => { e.preventDefault(); e.dataTransfer.dropEffect = onClassView() || onPlanImport() ? 'copy' : 'none'; });
  window.addEventListener('drop', async (e) => {
    e.preventDefault();
    if (onPlanImport()) return planImport.dropFiles(e.dataTransfer.files);
    if (!onClassView()) return;
    for (const file of e.dataTransfer.files) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      wasm.call('coach_add_result_file', file.name, bytes, bytes.length);
    }
    scheduler.schedule();
  });
}

async function boot() {
  const problem = detectProblem();
  if (problem) return showProblem(problem);
  const customContent = new URLSearchParams(location.search).get('content');
  const files = await fetchFirstLoad(customContent);

  const canvas = $('canvas');
  const state = { frames: 0, firstFrameMs: 0, fallbackFont: false, lessonsWanted: !files.lessons, practiceWanted: false, view: null, loadingPlan: false };
  const module = await createModule(files);
  const wasm = new Wasm(module);
  const storage = new Storage(wasm, wasm.constants);
  let mirror = null;
  let keeper = null;
  const publish = () => {
    const v = state.view || { screen: '', lang: '', title: '', focus: '', root: null };
    window.coach = Object.freeze({
      version: 2, ready: state.frames > 0, screen: v.screen, lang: v.lang, title: v.title, focused: v.focus, root: v.root,
      url: location.search, frames: state.frames, firstFrameMs: state.firstFrameMs, fallbackFont: state.fallbackFont,
      wasmMemoryBytes: wasm.memoryBytes, ...api,
    });
  };
  let planImport = null;
  let planStorage = null;
  const scheduler = new Scheduler(wasm, (result) => {
    planImport?.handle(result.plan);  // inside the tap's frame: a file picker may open only there
    if (result.plan?.save) planStorage?.scheduleFlush();  // the plan's records (plan_storage.js)
    if (result.plan?.unreadableFile) planStorage?.downloadUnreadable(result.plan.unreadableFile, (name, text) => storage.download(name, text));
    if (!result.drawn && !result.history.length && !result.download && !result.pickFile && !result.pickResultFiles && !result.checkStorage && !result.openUrl && !result.loadPlan) return;
    if (result.drawn) state.frames += 1;
    if (state.frames === 1 && result.drawn) {
      state.firstFrameMs = performance.now();
      $('loading').style.display = 'none';
      if (state.lessonsWanted) loadLessonsFont();
      if (state.practiceWanted) loadPractice();
      if (!state.fallbackFont) loadFallbackFont();
      planStorage?.start();  // the plan's records: read after the first frame, never before it
    }
    keeper.apply(result);
    if (result.loadPlan && !state.loadingPlan) return openInPlanBuild();
    if (result.theme) applyTheme(result.theme);
    if (result.view) {
      state.view = result.view;
      mirror.update(result.view);
      document.documentElement.lang = result.view.lang === 'zh' ? 'zh-CN' : 'en';
      const name = '回款教练 · Collection Coach';
      document.title = result.view.title && !name.startsWith(result.view.title) ? `${result.view.title} · ${name}` : name;
    }
    if (result.focus) mirror.focus(result.focus);
    if (result.save) storage.scheduleFlush();
    if (result.download) storage.download(result.download.name, result.download.text, result.download.type);
    if (result.pickFile) storage.pickFile();
    if (result.pickResultFiles) storage.pickFiles((name, bytes) => wasm.call('coach_add_result_file', name, bytes, bytes.length));
    if (result.shareCard) saveShareCard(canvas, result.shareCard);
    if (result.checkStorage) storage.checkStorage();
    if (result.openUrl) location.assign(result.openUrl);
    publish();
  });
  mirror = new Mirror($('mirror'), wasm, scheduler);
  canvas.addEventListener('webglcontextrestored', () => scheduler.request());  // a restored canvas is blank until drawn
  keeper = historyKeeper(wasm, scheduler);
  storage.attach(scheduler);
  if (files.plan) planStorage = new files.plan.PlanStorage(wasm, scheduler);

  // window.coach's entry points: drive the app by meaning, as a screen reader or a test would.
  const api = {
    find(id) {
      const walk = (n) => { if (!n) return null; if (n.id === id) return n; for (const c of n.children || []) { const f = walk(c); if (f) return f; } return null; };
      return walk(state.view?.root);
    },
    activate(id) {
      wasm.call('coach_activate', id);
      return Boolean(scheduler.drawNow()?.activated);
    },
    focus(id) { return mirror.focus(id); },
    set_value(id, text) {
      const input = mirror.element(id);
      if (!input || input.tagName !== 'INPUT') return false;
      input.value = text;
      const length = new TextEncoder().encode(text).length;
      wasm.call('coach_edit', id, text, length, length, '');
      scheduler.drawNow();
      return true;
    },
  };

  const resize = () => {
    const width = window.innerWidth, height = window.innerHeight, ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    wasm.call('coach_resize', width, height, ratio);
    if (state.frames > 0) scheduler.drawNow();  // a resized canvas is blank until drawn
    else scheduler.schedule();
  };

  // Step 4: start the app on the learner's stored data, give it its fonts and course, open
  // the address.
  canvas.width = Math.round(window.innerWidth * (window.devicePixelRatio || 1));
  canvas.height = Math.round(window.innerHeight * (window.devicePixelRatio || 1));
  storage.readAll((key, value) => wasm.call('coach_storage_value', key, value));
  const started = wasm.json('coach_start', location.search, navigator.language || '', systemFlags(wasm.constants));
  if (!started.ok) return showProblem('webgl');
  storage.runStartWrites(started.writes);
  const F = wasm.constants.font;
  if (!wasm.call('coach_add_font', wasm.give(files.font), files.font.length, F.main)) return showProblem('load', 'fonts/ui.otf');
  wasm.call('coach_add_font', wasm.give(files.marks), files.marks.length, F.marks);
  if (files.lessons) wasm.call('coach_add_font', wasm.give(files.lessons), files.lessons.length, F.lessons);
  if (files.fallback && wasm.call('coach_add_font', wasm.give(files.fallback), files.fallback.length, F.fallback)) state.fallbackFont = true;
  const course = await loadCourse(wasm, files, customContent);
  if (!course) return showProblem('load', 'course.json');
  if (course === 'built-in' && files.practice) givePractice(wasm, files.practice);
  state.practiceWanted = course === 'built-in' && !files.practice;
  wasm.call('coach_open', location.search, keeper.index);

  // Step 5: events, the first frame, and what may come after it.
  attachInput({ canvas, wasm, scheduler, mirror, onResize: resize });
  for (const query of ['(prefers-color-scheme: dark)', '(prefers-contrast: more)', '(prefers-reduced-motion: reduce)']) {
    matchMedia(query).addEventListener('change', () => { wasm.call('coach_system', systemFlags(wasm.constants)); scheduler.schedule(); });
  }
  resize();
  storage.checkStorage();
  if (files.plan) planImport = new files.plan.PlanImport(wasm, scheduler);
  acceptDroppedFiles(wasm, scheduler, planImport);
  window.coachStorage = storage;  // for embedding pages and tests: flush(), importBytes()
  window.coachPlanStorage = planStorage;  // the same for the plan: flush(), summary(), idle()

  // A plan screen in the first build: the learner's document is written now (a reload would
  // write it in pagehide too), and the address the app just put in the history loads again, in
  // the build with the plan, behind the loading bar.
  function openInPlanBuild() {
    state.loadingPlan = true;
    storage.flush();
    $('loading-status').textContent = '正在加载 · Loading';
    $('loading').style.display = '';
    location.reload();
  }

  function applyTheme(theme) {
    document.documentElement.style.colorScheme = theme.dark ? 'dark' : 'light';
    document.body.style.background = theme.paper;
    document.querySelector('meta[name="theme-color"]').content = theme.paper;
  }

  // After the first frame: the practice, so a learner who opens it finds it ready.
  async function loadPractice() {
    try {
      const loaded = await Promise.all(PRACTICE_FILES.map((f) => fetchBytes(f, () => {})));
      givePractice(wasm, Object.fromEntries(PRACTICE_FILES.map((f, i) => [f, loaded[i]])));
    } catch (e) {
      const reason = e && e.message ? e.message : String(e);
      wasm.call('coach_quizzes_unavailable', reason);
      wasm.call('coach_assessment_unavailable', reason);
    }
    scheduler.schedule();
  }

  // Right after the first frame: the lessons' pages' characters (a few dozen KB), so a lesson
  // opened from home draws its text; until then a missing character shows as a box of the
  // same width, so nothing moves when it arrives.
  async function loadLessonsFont() {
    try {
      const bytes = await fetchBytes(LESSONS_FONT, () => {});
      if (wasm.call('coach_add_font', wasm.give(bytes), bytes.length, wasm.constants.font.lessons)) scheduler.schedule();
    } catch (e) {
      console.warn('lessons font not loaded; the large font covers the lessons once it arrives', e);
    }
  }

  // After the first frame: the large font, so whatever a learner types or pastes renders.
  async function loadFallbackFont() {
    try {
      const bytes = await fetchBytes('fonts/fallback.otf', () => {});
      if (wasm.call('coach_add_font', wasm.give(bytes), bytes.length, wasm.constants.font.fallback)) {
        state.fallbackFont = true;
        scheduler.schedule();
      }
    } catch (e) {
      console.warn('fallback font not loaded; rare characters may show as boxes', e);
    }
  }
}

boot().catch((e) => showProblem('load', e && e.message ? e.message : String(e)));
