// shell: the page around the app. Checks the browser, loads the app with a real progress
// bar, sizes the canvas for the screen's density, wires events, loads the large font in
// the background, and publishes `window.coach`: a read-only description of what the app
// shows (screen, language, text items and buttons with their rectangles), for tests,
// embedding pages and assistive technology.
//
// On the web some things cannot be done from inside the app: it cannot own a window, read
// the clipboard without a user gesture, or show a phone keyboard without a focused input.
// This file and its helpers do those in the page; the app asks for them (Module.shell).
import { Scheduler } from './scheduler.js';
import { TextAgent } from './text_agent.js';
import { attachInput } from './input.js';
import { Storage } from './storage.js';

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
  $('problem-en').textContent = detail ? `${en} (${detail})` : en;
  $('problem-retry').hidden = kind !== 'load';
  $('problem-retry').onclick = () => location.reload();
  $('loading').style.display = 'none';
  $('problem').style.display = 'flex';
  window.coach = Object.freeze({ ready: false, problem: kind, detail: detail || '' });
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

function copyToHeap(module, bytes) {
  const ptr = module._malloc(bytes.length);
  module.HEAPU8.set(bytes, ptr);  // read after malloc: memory may have grown
  return ptr;
}

function urlLang() {
  return new URLSearchParams(location.search).get('lang') ?? '';
}

// Step 1: everything the first frame needs, with real progress. A course from an instructor
// (?content=URL) is checked against every glyph the app can draw, so the large font comes
// with the first load then.
async function fetchFirstLoad(customContent) {
  const manifest = await (await fetch('manifest.json', { cache: 'no-cache' })).json();
  const names = ['app.js', 'app.wasm', 'fonts/ui.otf', 'course.json'];
  if (customContent) names.push('fonts/fallback.otf');
  const onBytes = progressMeter(names.reduce((sum, f) => sum + (manifest.files[f] || 0), 0));
  const custom = customContent ? fetchBytes(customContent, () => {}).then((b) => ({ bytes: b }), (e) => ({ error: e })) : null;
  const [script, wasm, font, course, fallback] = await Promise.all(names.map((f) => fetchBytes(f, onBytes)));
  return { script, wasm, font, course, fallback, custom };
}

// Step 2: the module, with the page services it calls (Module.shell; see app/platform/web_shell.h).
async function createModule(files, state, storage, agentRef) {
  runScript(new TextDecoder().decode(files.script));
  const shell = {
    publishView(json) { state.view = JSON.parse(json); },
    textInput(active, x, y, h) { agentRef.agent?.update(active, x, y, h); },
    setClipboard(text) { agentRef.agent?.setClipboard(text); },
    languageChosen(lang) {
      if (!urlLang()) return;  // the address must not undo the learner's choice on reload
      const url = new URL(location.href);
      url.searchParams.set('lang', lang);
      history.replaceState(history.state, '', url);
    },
    storage: storage.api,
    scheduleFlush: () => storage.scheduleFlush(),
    download: (name, text) => storage.download(name, text),
    pickFile: () => storage.pickFile(),
    checkStorage: () => storage.checkStorage(),
  };
  return createCoachModule({
    shell,
    instantiateWasm(imports, done) {
      WebAssembly.instantiate(files.wasm, imports).then((r) => done(r.instance, r.module));
      return {};
    },
  });
}

// The browser's back button (and a phone's back gesture) goes back inside the app: while the
// learner is away from home, one history entry stands for "inside the app"; back pops it, the
// app goes one screen up, and the entry is put back until home is reached.
function browserBack(module, scheduler) {
  let armed = false;
  let ignoreNextPop = false;
  window.addEventListener('popstate', () => {
    if (ignoreNextPop) { ignoreNextPop = false; return; }
    if (!armed) return;
    armed = false;
    if (module._coach_back()) scheduler().drawNow();
  });
  return {
    screenShown(screen) {
      if (!screen) return;
      const home = screen === 'home';
      if (!home && !armed) {
        history.pushState({ coach: 'inside' }, '');
        armed = true;
      } else if (home && armed) {  // the app came home by itself: drop the entry
        armed = false;
        ignoreNextPop = true;
        history.back();
      }
    },
  };
}

// Step 3: the course: the instructor's if it is usable, else the built-in one (the app keeps
// the reasons and shows them).
async function loadCourse(module, files, customContent) {
  const load = (bytes, name, isCustom) => {
    const ptr = copyToHeap(module, bytes);
    const nameLength = new TextEncoder().encode(name).length + 1;
    const namePtr = module._malloc(nameLength);
    module.stringToUTF8(name, namePtr, nameLength);
    const ok = module._coach_load_course(ptr, bytes.length, namePtr, isCustom ? 1 : 0);
    module._free(namePtr);
    module._free(ptr);
    return ok;
  };
  if (files.custom) {
    const result = await files.custom;
    if (!result.error && load(result.bytes, customContent, true)) return true;
    if (result.error) module.ccall('coach_content_unavailable', null, ['string', 'string'], [customContent, result.error.message || String(result.error)]);
  }
  return load(files.course, 'course.json', false);
}

async function boot() {
  const problem = detectProblem();
  if (problem) return showProblem(problem);
  const params = new URLSearchParams(location.search);
  const customContent = params.get('content');
  const files = await fetchFirstLoad(customContent);

  const canvas = $('canvas');
  const state = { frames: 0, firstFrameMs: 0, fallbackFont: false, view: { screen: '', lang: '', items: [] } };
  const storage = new Storage();
  const agentRef = { agent: null };
  const module = await createModule(files, state, storage, agentRef);
  const history = browserBack(module, () => scheduler);
  const publish = () => {
    history.screenShown(state.view.screen);
    window.coach = Object.freeze({
      ready: state.frames > 0, ...state.view, frames: state.frames,
      firstFrameMs: state.firstFrameMs, fallbackFont: state.fallbackFont, wasmMemoryBytes: module.HEAPU8.length,
    });
  };
  const scheduler = new Scheduler(module, () => {
    state.frames += 1;
    if (state.frames === 1) {
      state.firstFrameMs = performance.now();
      $('loading').style.display = 'none';
      if (!state.fallbackFont) loadFallbackFont();
    }
    publish();
  });
  const agent = agentRef.agent = new TextAgent($('text-agent'), module, scheduler);
  const resize = () => {
    const width = window.innerWidth, height = window.innerHeight, ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    module._coach_resize(width, height, ratio);
    if (state.frames > 0) scheduler.drawNow();  // a resized canvas is blank until drawn
  };

  // Step 4: start the app on the learner's stored data, give it its fonts and course.
  canvas.width = Math.round(window.innerWidth * (window.devicePixelRatio || 1));
  canvas.height = Math.round(window.innerHeight * (window.devicePixelRatio || 1));
  const mac = /Mac|iPhone|iPad/.test(navigator.platform || '') ? 1 : 0;
  storage.attach(module, scheduler, module.UTF8ToString(module._coach_document_key()));
  if (!module.ccall('coach_start', 'number', ['string', 'string', 'number'], [urlLang(), navigator.language || '', mac])) return showProblem('webgl');
  if (!module._coach_add_font(copyToHeap(module, files.font), files.font.length)) return showProblem('load', 'fonts/ui.otf');
  if (files.fallback && module._coach_add_font(copyToHeap(module, files.fallback), files.fallback.length)) state.fallbackFont = true;
  if (!(await loadCourse(module, files, customContent))) return showProblem('load', 'course.json');
  const deepLesson = params.get('lesson');
  if (deepLesson) module.ccall('coach_open', 'number', ['string', 'number'], [deepLesson, Number(params.get('page')) || 1]);

  // Step 5: events, the first frame, and what may come after it.
  attachInput({ canvas, module, scheduler, agent, onResize: resize });
  resize();
  scheduler.request();
  storage.checkStorage();
  window.coachStorage = storage;  // for embedding pages and tests: flush(), importBytes()

  // After the first frame: the large font, so whatever a learner types or pastes renders.
  async function loadFallbackFont() {
    try {
      const bytes = await fetchBytes('fonts/fallback.otf', () => {});
      if (module._coach_add_font(copyToHeap(module, bytes), bytes.length)) {
        state.fallbackFont = true;
        scheduler.request();
      }
    } catch (e) {
      console.warn('fallback font not loaded; rare characters may show as boxes', e);
    }
  }
}

boot().catch((e) => showProblem('load', e && e.message ? e.message : String(e)));
