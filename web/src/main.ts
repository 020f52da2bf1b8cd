// Tessera web app: layout, routing between the four views, error banner, loading state.

import './style.css';
import { ApiError, get, type Stats } from './api';
import { fill, h } from './dom';
import { FilterBar, filterParams } from './filters';
import { GraphView } from './graph';
import { MapView } from './map';
import { ReaderView } from './reader';
import { href, onRoute, parse, VIEWS, type Route, type View, type ViewCtl } from './router';
import { TimelineView } from './timeline';

const LABELS: Record<View, string> = { map: 'Map', graph: 'Graph', timeline: 'Timeline', reader: 'Reader' };

const views: Record<View, ViewCtl> = {
  map: new MapView(),
  graph: new GraphView(),
  timeline: new TimelineView(),
  reader: new ReaderView(),
};

const filterBar = new FilterBar();
const navLinks = new Map<View, HTMLAnchorElement>(VIEWS.map((v) => [v, h('a', { href: href(v), id: `nav-${v}` }, LABELS[v])]));
const stats = h('span', { class: 'stats muted', id: 'stats' });
const bannerText = h('span', { id: 'error-message' });
const banner = h(
  'div',
  { class: 'banner', id: 'error', role: 'alert', hidden: true },
  h('strong', null, 'Error: '),
  bannerText,
  h('button', { type: 'button', class: 'dismiss', 'aria-label': 'Dismiss error', onclick: () => (banner.hidden = true) }, '×'),
);
const loading = h('div', { class: 'loading', id: 'loading', role: 'status', 'aria-live': 'polite', hidden: true }, 'Loading…');
const main = h('main', { id: 'main', tabindex: -1 }, Object.values(views).map((v) => v.el));

fill(
  document.getElementById('app')!,
  h('a', { class: 'skip', href: '#main', onclick: (e: Event) => (e.preventDefault(), main.focus()) }, 'Skip to content'),
  h(
    'header',
    { class: 'top' },
    h('a', { class: 'brand', href: '#/map' }, 'Tessera'),
    h('nav', { class: 'tabs', 'aria-label': 'Views' }, [...navLinks.values()]),
    stats,
    loading,
  ),
  filterBar.el,
  banner,
  main,
);

export function showError(err: unknown): void {
  const msg = err instanceof ApiError ? err.message : err instanceof Error ? err.message : String(err);
  bannerText.textContent = msg;
  banner.hidden = false;
}

document.addEventListener('tessera:busy', (e) => {
  const n = (e as CustomEvent<number>).detail;
  loading.hidden = n <= 0;
  document.body.classList.toggle('busy', n > 0);
  main.setAttribute('aria-busy', n > 0 ? 'true' : 'false');
});
window.addEventListener('unhandledrejection', (e) => showError(e.reason));

let current: View | null = null;
let routeSeq = 0;

async function route({ view, params }: Route): Promise<void> {
  const seq = ++routeSeq;
  filterBar.set(params);
  const carry = filterParams(params);
  for (const [v, a] of navLinks) {
    a.href = href(v, carry);
    if (v === view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (current !== view) {
    if (current) views[current].hide?.();
    for (const [v, ctl] of Object.entries(views)) ctl.el.hidden = v !== view;
    current = view;
  }
  document.title = `${LABELS[view]} · Tessera`;
  banner.hidden = true;
  try {
    await views[view].show(params);
  } catch (err) {
    if (seq === routeSeq) showError(err);
  }
}

onRoute((r) => void route(r));
void route(parse());

get<Stats>('/api/stats')
  .then((s) => {
    stats.textContent = `${s.documents} document${s.documents === 1 ? '' : 's'}`;
  })
  .catch(() => undefined);
