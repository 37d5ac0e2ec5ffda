// Times how long headless Chromium takes to show a report: from navigation to the load event (parsing, scripts),
// then to a painted first screen, then to a painted last screen after scrolling to the end (the whole page laid out). One browser serves every file, so its start-up is left out.
// usage: node --experimental-websocket bench/report-render/render-time.mjs [--runs N] FILE.html...
// Chromium from DIALS_CHROMIUM or /usr/bin/chromium. Prints a Markdown table of medians in milliseconds.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 3;
const profile = mkdtempSync(join(tmpdir(), 'dials-render-'));
const chromium = spawn(process.env.DIALS_CHROMIUM ?? '/usr/bin/chromium', [
  '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--remote-debugging-port=0',
  `--user-data-dir=${profile}`, 'about:blank',
], { stdio: ['ignore', 'ignore', 'pipe'] });
const endpoint = await new Promise((done, fail) => {
  let text = '';
  chromium.stderr.on('data', chunk => {
    text += chunk;
    const found = /DevTools listening on (ws:\/\/\S+)/.exec(text);
    if (found) { done(found[1]); }
  });
  chromium.on('exit', () => fail(new Error('Chromium exited:\n' + text)));
});

const socket = new WebSocket(endpoint);
await new Promise(done => socket.addEventListener('open', done));
let next = 0;
const pending = new Map();
const listeners = [];
socket.addEventListener('message', event => {
  const message = JSON.parse(event.data);
  if (message.id !== undefined) {
    const { done, fail } = pending.get(message.id);
    pending.delete(message.id);
    message.error ? fail(new Error(JSON.stringify(message.error))) : done(message.result);
  } else {
    listeners.filter(l => l.method === message.method).forEach(l => l.done(message.params));
  }
});
const send = (method, params = {}, sessionId) => new Promise((done, fail) => {
  const id = ++next;
  pending.set(id, { done, fail });
  socket.send(JSON.stringify({ id, method, params, sessionId }));
});
const once = method => new Promise(done => {
  const listener = { method, done: params => { listeners.splice(listeners.indexOf(listener), 1); done(params); } };
  listeners.push(listener);
});

// A fresh tab per run, so no run inherits another's cache or layout.
async function openTab() {
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  const page = (method, params) => send(method, params, sessionId);
  await page('Page.enable');
  await page('Emulation.setDeviceMetricsOverride', { width: 1200, height: 900, deviceScaleFactor: 1, mobile: false });
  return { page, close: () => send('Target.closeTarget', { targetId }) };
}

const median = values => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log('| file | bytes | load event | viewport painted | scrolled to the end, painted |');
console.log('|---|---|---|---|---|');
for (const file of args) {
  const times = { load: [], view: [], end: [] };
  for (let run = 0; run < runs; run++) {
    const { page, close } = await openTab();
    const loaded = once('Page.loadEventFired');
    const start = performance.now();
    await page('Page.navigate', { url: pathToFileURL(resolve(file)).href });
    await loaded;
    times.load.push(performance.now() - start);
    await page('Page.captureScreenshot', { format: 'png' });
    times.view.push(performance.now() - start);
    // Scrolling to the end lays out the whole page; the second screenshot paints its last screen (the trial table).
    await page('Runtime.evaluate', { expression: 'window.scrollTo(0, document.documentElement.scrollHeight)' });
    await page('Page.captureScreenshot', { format: 'png' });
    times.end.push(performance.now() - start);
    await close();
  }

  console.log(`| ${file} | ${statSync(file).size} | ${median(times.load).toFixed(0)} ms | ${median(times.view).toFixed(0)} ms | ${median(times.end).toFixed(0)} ms |`);
}

socket.close();
chromium.kill();
await new Promise(done => chromium.on('exit', done));
rmSync(profile, { recursive: true, force: true });
