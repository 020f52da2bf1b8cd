// Browser test of the web app against a real `tessera serve`.
//
//   cd web && npm test                       (TESSERA_BIN defaults to ../target/debug/tessera)
//   TESSERA_BIN=/path/to/tessera CHROMIUM=/usr/bin/chromium npm test
//
// It ingests ../samples and tests/articles into a fresh store in a temp dir, starts the server
// on a free port, drives Debian's chromium through playwright-core over the four views, a
// filter round trip through the URL, and a hostile (XSS) article, and saves screenshots under
// ../target/web-screenshots/. It exits non-zero on any failure.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.resolve(WEB, process.env.TESSERA_BIN || '../target/debug/tessera');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SHOTS = path.resolve(WEB, '../target/web-screenshots');
const XSS_SCRIPT = '<script>window.__xss=1</script>';
const XSS_IMG = '<img src=x onerror="window.__xss=1">';

let server = null;
let browser = null;
let tmp = null;
let serverLog = '';
const pageErrors = [];
let passed = 0;
let failed = 0;

function fail(msg) {
  throw new Error(msg);
}
function assert(cond, msg) {
  if (!cond) fail(msg);
}

async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}\n    ${String(e && e.message ? e.message : e).split('\n').join('\n    ')}`);
  }
}

function cleanup() {
  if (server && server.exitCode === null) server.kill('SIGTERM');
  server = null;
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  tmp = null;
}
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    cleanup();
    process.exit(130);
  });
}

function startServer(db) {
  return new Promise((resolve, reject) => {
    server = spawn(BIN, ['--db', db, 'serve', '--bind', '127.0.0.1:0'], { cwd: WEB, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => reject(new Error(`server did not print "listening on http://..." within 60 s; output:\n${serverLog}`)), 60_000);
    let buf = '';
    server.stdout.on('data', (d) => {
      serverLog += d;
      buf += d;
      const m = buf.match(/listening on (http:\/\/[^\s]+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/, ''));
      }
    });
    server.stderr.on('data', (d) => {
      serverLog += d;
      if (serverLog.length > 200_000) serverLog = serverLog.slice(-100_000);
    });
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening; output:\n${serverLog}`));
    });
  });
}

async function api(base, p) {
  const r = await fetch(base + p);
  const body = await r.text();
  let json;
  try {
    json = JSON.parse(body);
  } catch {
    fail(`GET ${p}: not JSON (${r.status}): ${body.slice(0, 200)}`);
  }
  return { status: r.status, json };
}

async function newPage(name) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => pageErrors.push(`${name}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') console.log(`    [${name} console] ${m.text()}`);
  });
  return page;
}

const hashOf = (page) => page.evaluate(() => decodeURIComponent(location.hash));

async function main() {
  if (!fs.existsSync(BIN)) {
    fail(`no tessera binary at ${BIN}: build it (cargo build -p tessera-cli) or set TESSERA_BIN`);
  }
  if (!fs.existsSync(CHROMIUM)) fail(`no chromium at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM`);
  fs.mkdirSync(SHOTS, { recursive: true });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-web-'));
  const db = path.join(tmp, 't.db');

  const ingest = spawnSync(BIN, ['--db', db, 'ingest', '../samples', 'tests/articles'], { cwd: WEB, encoding: 'utf8' });
  if (ingest.status !== 0) fail(`ingest failed (${ingest.status}):\n${ingest.stdout}\n${ingest.stderr}`);
  console.log(`# ingested: ${(ingest.stdout || ingest.stderr).trim().split('\n').slice(-1)[0]}`);

  const base = await startServer(db);
  console.log(`# server at ${base}`);

  const index = await (await fetch(base + '/')).text();
  if (!/<script[^>]+src="\/assets\/index-[^"]+\.js"/.test(index)) {
    fail('the server does not serve the built app at / (build web/ with npm run build, then rebuild tessera)');
  }

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });

  // What the API says, to compare the pages with.
  const docs = (await api(base, '/api/documents?limit=100')).json.items;
  const findDoc = (needle) => docs.find((d) => (d.title || '').includes(needle));
  const enDoc = findDoc('Gunmen attack police');
  const xssDoc = findDoc('window.__xss');
  assert(enDoc, `the English test article is not among the documents: ${JSON.stringify(docs.map((d) => d.title))}`);
  assert(xssDoc, 'the hostile test article is not among the documents');

  // ---------------------------------------------------------------- map
  await check('map: event markers or clusters, offline basemap, popup with links', async () => {
    const page = await newPage('map');
    await page.goto(`${base}/#/map`);
    await page.waitForSelector('#map .leaflet-marker-icon');
    const markers = await page.locator('#map .leaflet-marker-icon').count();
    assert(markers >= 1, `expected ≥1 marker, saw ${markers}`);
    const count = Number(await page.locator('#map-count').textContent());
    assert(count >= 1, `expected ≥1 event in the summary, saw ${count}`);
    await page.waitForFunction(() => document.querySelectorAll('.leaflet-basemap-pane path').length > 50);
    // Open an event from the side list: the popup names the type and links to the reader.
    await page.locator('#map-events li[data-mapped] button').first().click();
    const popup = page.locator('.leaflet-popup-content .cluster-details');
    await popup.waitFor();
    const links = await popup.locator('a[href^="#/reader?"]').count();
    assert(links >= 1, 'popup has no link to a report in the reader');
    assert((await popup.textContent()).includes('Certainty'), 'popup lacks the certainty line');
    // Count layer by state, kept in the URL.
    await page.locator('#counts-admin1').check();
    await page.waitForFunction(() => location.hash.includes('counts=admin1'));
    await page.waitForSelector('.count-label-admin1');
    // A fresh load of the same URL: the whole picture, with the count layer.
    await page.reload();
    await page.waitForSelector('#map .leaflet-marker-icon');
    await page.waitForSelector('.count-label-admin1');
    assert(await page.locator('#counts-admin1').isChecked(), 'count layer box not checked after reload');
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(SHOTS, 'map.png') });
    await page.close();
  });

  // ---------------------------------------------------------------- filters through the URL
  await check('filters: set in the bar → URL → reload in a new page → same controls and results; Back works', async () => {
    const want = (await api(base, '/api/events?type=ASSAULT&country=MX&limit=1000')).json.items;
    assert(want.length >= 1, 'the API has no ASSAULT event in MX for the test articles');
    const page = await newPage('filters');
    await page.goto(`${base}/#/map`);
    await page.waitForSelector('#map-events li');
    await page.selectOption('#f-type', 'ASSAULT');
    await page.fill('#f-country', 'mx');
    await page.press('#f-country', 'Enter');
    await page.waitForFunction(() => location.hash.includes('type=ASSAULT') && location.hash.includes('country=MX'));
    const url = page.url();
    const page2 = await newPage('filters-reload');
    await page2.goto(url);
    await page2.waitForFunction(() => document.querySelector('#map-count')?.textContent !== '');
    assert((await page2.inputValue('#f-type')) === 'ASSAULT', 'type control lost its value after reload');
    assert((await page2.inputValue('#f-country')) === 'MX', 'country control lost its value after reload');
    await page2.waitForFunction((n) => Number(document.querySelector('#map-count')?.textContent) === n, want.length);
    const types = await page2.locator('#map-events li[data-type]').evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
    assert(types.length >= 1 && types.every((t) => t === 'ASSAULT'), `list shows other types: ${types}`);
    await page2.close();
    // Back returns to the unfiltered map, and the controls follow.
    await page.goBack();
    await page.waitForFunction(() => !location.hash.includes('type='));
    assert((await page.inputValue('#f-type')) === '', 'type control kept its value after Back');
    await page.goForward();
    await page.waitForFunction(() => location.hash.includes('type=ASSAULT'));
    assert((await page.inputValue('#f-type')) === 'ASSAULT', 'type control not restored after Forward');
    await page.close();
  });

  // ---------------------------------------------------------------- graph
  await check('graph: search an entity, its neighbourhood drawn, edge evidence, path', async () => {
    const ents = (await api(base, '/api/entities?q=Frente&limit=10')).json.items;
    assert(ents.length >= 1, 'the API finds no entity for "Frente"');
    const page = await newPage('graph');
    await page.goto(`${base}/#/graph`);
    await page.fill('#graph-find', 'Frente');
    await page.press('#graph-find', 'Enter');
    await page.waitForSelector('#entity-results a');
    await page.locator('#entity-results a').first().click();
    await page.waitForFunction(() => /entity=E/.test(location.hash));
    await page.waitForFunction(() => Number(document.querySelector('#graph-canvas')?.dataset.nodes) >= 2);
    assert((await page.locator('#graph-canvas canvas').count()) >= 1, 'cytoscape drew no canvas');
    assert((await page.locator('#graph-nodes li').count()) >= 2, 'node list has fewer than 2 nodes');
    // Evidence of the first edge.
    await page.locator('.edge-list summary').click();
    await page.locator('#graph-edges button').first().click();
    await page.waitForSelector('#graph-evidence blockquote');
    assert((await page.locator('#graph-evidence a[href^="#/reader?"]').count()) >= 1, 'evidence panel has no document link');
    // A path between the centre and one neighbour.
    const centre = await page.evaluate(() => new URLSearchParams(location.hash.split('?')[1]).get('entity'));
    const g = (await api(base, `/api/entities/${encodeURIComponent(centre)}/graph`)).json;
    const edge = g.edges.find((e) => e.source !== e.target);
    assert(edge, 'graph API gave no edge');
    await page.fill('#path-from', edge.source);
    await page.fill('#path-to', edge.target);
    await page.press('#path-to', 'Enter');
    await page.waitForSelector('#path-steps li, #path-none');
    assert((await page.locator('#path-steps li').count()) >= 1, `no path shown from ${edge.source} to ${edge.target}`);
    await page.screenshot({ path: path.join(SHOTS, 'graph.png') });
    await page.close();
  });

  // ---------------------------------------------------------------- timeline
  await check('timeline: histogram bars and dated items, for a place and for the filters', async () => {
    const page = await newPage('timeline');
    await page.goto(`${base}/#/timeline`);
    await page.waitForSelector('#tl-list li');
    await page.fill('#tl-place', 'Sinaloa');
    await page.press('#tl-place', 'Enter');
    await page.waitForFunction(() => location.hash.includes('place=Sinaloa'));
    await page.waitForFunction(() => document.querySelector('#tl-heading')?.textContent?.includes('Sinaloa'));
    await page.waitForSelector('#tl-list li');
    const items = await page.locator('#tl-list li').count();
    const bars = await page.locator('#tl-histogram rect.bar').count();
    assert(items >= 1, 'no timeline item for Sinaloa');
    assert(bars >= 1, 'no histogram bar');
    assert((await page.locator('#tl-list li time').first().getAttribute('datetime')) !== '', 'first item has no date');
    await page.screenshot({ path: path.join(SHOTS, 'timeline.png') });
    await page.close();
  });

  // ---------------------------------------------------------------- reader
  await check('reader: the text intact, entity/event highlights at the right places, details on focus', async () => {
    const full = (await api(base, `/api/documents/${enDoc.id}`)).json;
    const page = await newPage('reader');
    await page.goto(`${base}/#/reader?doc=${enDoc.id}`);
    await page.waitForSelector('#doc-text mark.hl');
    const text = await page.locator('#doc-text').textContent();
    assert(text === full.document.text, 'the rendered text differs from document.text');
    const ents = await page.locator('#doc-text mark.hl-ent').count();
    const trig = await page.locator('#doc-text mark.hl-trig').count();
    assert(ents >= 3, `expected ≥3 entity highlights, saw ${ents}`);
    assert(full.events.length === 0 || trig >= 1, 'no event trigger highlighted');
    // Every mention's highlight covers exactly its words (byte offsets converted right).
    const shown = await page.locator('#doc-text mark[data-ent]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-ent'), e.textContent]));
    const shownSet = new Set(shown.map(([id, t]) => `${id}\u0000${t}`));
    const mentions = full.entities.flatMap((e) => e.mentions.map((m) => `${e.id}\u0000${m.text}`));
    const hit = mentions.filter((m) => shownSet.has(m)).length;
    assert(mentions.length > 0 && hit / mentions.length >= 0.9, `only ${hit} of ${mentions.length} mentions highlighted exactly`);
    const accented = full.entities.flatMap((e) => e.mentions).find((m) => /[^\x00-\x7f]/.test(full.document.text.slice(0, full.document.text.indexOf(m.text))));
    if (accented) assert(shown.some(([, t]) => t === accented.text), `mention after non-ASCII text not highlighted: ${accented.text}`);
    // Keyboard focus on a highlight shows its details.
    await page.locator('#doc-text mark.hl-ent').first().focus();
    await page.waitForFunction(() => (document.querySelector('#doc-details h3')?.textContent ?? '').length > 0);
    const details = await page.locator('#doc-details').textContent();
    assert(/PER|ORG|LOC|MISC/.test(details), 'details panel does not give the entity kind');
    if (trig) {
      await page.locator('#doc-text mark.hl-trig').first().focus();
      await page.waitForFunction(() => document.querySelector('#doc-details')?.textContent?.includes('Certainty'));
    }
    await page.locator('#doc-text mark.hl-ent').first().focus();
    await page.screenshot({ path: path.join(SHOTS, 'reader.png') });
    await page.close();
  });

  await check('error banner shows the API error message', async () => {
    const missing = 'ffffffffffffffffffffffffffffffff';
    const { status, json } = await api(base, `/api/documents/${missing}`);
    assert(status >= 400 && json.error && json.error.message, `API answered ${status} ${JSON.stringify(json)}`);
    const page = await newPage('error');
    await page.goto(`${base}/#/reader?doc=${missing}`);
    await page.waitForSelector('#error:not([hidden])');
    const msg = await page.locator('#error-message').textContent();
    assert(msg === json.error.message, `banner says ${JSON.stringify(msg)}, API says ${JSON.stringify(json.error.message)}`);
    await page.close();
  });

  // ---------------------------------------------------------------- hostile article
  await check('hostile article: payload shown as text in search results and reader, never run', async () => {
    const page = await newPage('xss');
    await page.goto(`${base}/#/reader`);
    await page.waitForSelector('#doc-list li');
    await page.fill('#f-q', 'Varga');
    await page.press('#f-q', 'Enter');
    await page.waitForFunction(() => document.querySelector('#doc-list-head')?.textContent?.includes('Varga'));
    const link = page.locator('#doc-list a.doc-title', { hasText: 'window.__xss' });
    await link.first().waitFor();
    const listText = await page.locator('#doc-list').textContent();
    assert(listText.includes(XSS_SCRIPT), 'search result does not show the <script> payload as text');
    await link.first().click();
    await page.waitForFunction(() => document.querySelector('#doc-title')?.textContent?.includes('window.__xss'));
    const title = await page.locator('#doc-title').textContent();
    const body = await page.locator('#doc-text').textContent();
    assert(title.includes(XSS_SCRIPT) && title.includes(XSS_IMG), `title not shown literally: ${title}`);
    assert(body.includes(XSS_SCRIPT) && body.includes(XSS_IMG), 'text does not show the payloads literally');
    const visible = await page.locator('#doc').innerText();
    assert(visible.includes(XSS_SCRIPT), 'payload not visible as text');
    // Hover every highlight so the details panel renders this document's names too.
    for (const m of await page.locator('#doc-text mark.hl').all()) await m.hover();
    await page.waitForTimeout(300);
    const dom = await page.evaluate(() => ({
      xss: window.__xss,
      scripts: [...document.scripts].map((s) => s.src || `inline:${s.textContent.slice(0, 40)}`),
      imgs: document.querySelectorAll('img').length,
      onerror: document.querySelectorAll('[onerror]').length,
      bold: document.querySelectorAll('#app b').length,
    }));
    assert(dom.xss === undefined, 'window.__xss was set: the payload ran');
    assert(dom.scripts.every((s) => s.includes('/assets/')), `unexpected script elements: ${dom.scripts}`);
    assert(dom.imgs === 0, `${dom.imgs} <img> element(s) in the page`);
    assert(dom.onerror === 0, 'an element with an onerror attribute exists');
    assert(dom.bold === 0, 'a <b> from the article text became an element');
    await page.screenshot({ path: path.join(SHOTS, 'xss.png') });
    // The other views, with the hostile words in the filter box, stay inert too.
    await page.goto(`${base}/#/timeline?q=${encodeURIComponent(XSS_SCRIPT)}`);
    await page.waitForTimeout(500);
    await page.goto(`${base}/#/graph?find=Varga`);
    await page.waitForSelector('#entity-results h2');
    assert((await page.evaluate(() => window.__xss)) === undefined, 'window.__xss was set on another view');
    await page.close();
  });

  await check('no uncaught page error', async () => {
    assert(pageErrors.length === 0, pageErrors.join('\n'));
  });
}

let exitCode = 0;
try {
  await main();
} catch (e) {
  failed++;
  console.log(`not ok - setup\n    ${e && e.message ? e.message : e}`);
} finally {
  if (browser) await browser.close().catch(() => undefined);
  cleanup();
}
console.log(`${passed} passed, ${failed} failed`);
if (failed > 0) {
  console.error(`browser test FAILED (${failed}); screenshots in ${SHOTS}`);
  exitCode = 1;
}
process.exit(exitCode);
