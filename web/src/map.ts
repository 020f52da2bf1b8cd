// Map view: event clusters as points (clustered at low zoom), coloured by type, sized by
// fatalities, shaped by place precision; optional count layers by country and by state.
// The basemap is offline: Natural Earth country outlines from world-atlas.

import L from './leaflet';
import 'leaflet.markercluster';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-110m.json?url';

import { get, getAll, type Aggregate, type AggregateGroup, type ClusterRecord, type ClusterParty } from './api';
import { fill, h, field, join, type Child } from './dom';
import { filterParams, withFilters } from './filters';
import { href, update, type ViewCtl } from './router';
import { PRECISION_LABELS, accordingTo, precisionClass, typeColour } from './style-data';

const MAX_EVENTS = 5000;
const LIST_LIMIT = 300;
const COUNT_LAYERS = ['country', 'admin1'] as const;
type CountBy = (typeof COUNT_LAYERS)[number];

let basemap: Promise<GeoJSON.FeatureCollection> | null = null;
function loadBasemap(): Promise<GeoJSON.FeatureCollection> {
  basemap ??= fetch(countriesUrl)
    .then((r) => r.json() as Promise<Topology<{ countries: GeometryCollection }>>)
    .then((topo) => feature(topo, topo.objects.countries) as GeoJSON.FeatureCollection);
  return basemap;
}

function markerSize(c: ClusterRecord): number {
  const f = c.fatalities?.best ?? 0;
  return Math.round(Math.min(46, 14 + 6 * Math.sqrt(Math.max(0, f))));
}

function placeLine(c: ClusterRecord): string {
  const p = c.place;
  if (!p) return 'no place';
  const parts = [p.name];
  if (p.admin1 && p.admin1 !== p.name) parts.push(p.admin1);
  if (p.country) parts.push(p.country);
  return parts.join(', ');
}

function partyLinks(parties: ClusterParty[], params: URLSearchParams): Child[] {
  if (parties.length === 0) return ['—'];
  return join(
    parties.map((p) =>
      p.entity ? h('a', { href: href('graph', withFilters(params, { entity: p.entity })) }, p.name) : p.name,
    ),
  );
}

/** The details of one cluster: used in the popup and in the side panel. */
export function clusterDetails(c: ClusterRecord, params: URLSearchParams): HTMLElement {
  const p = c.place;
  const prec = p?.precision ?? '';
  const fat = c.fatalities;
  const fatalities =
    fat && fat.best !== null && fat.best !== undefined
      ? `${fat.best}${fat.values.length > 1 ? ` (reports: ${fat.values.join(', ')})` : ''}`
      : 'not reported';
  const date = c.date?.value ? `${c.date.value}${c.date.precision && c.date.precision !== 'day' ? ` (${c.date.precision})` : ''}` : 'undated';
  const timelineLinks: Child[] = [];
  if (p?.name) {
    timelineLinks.push(h('a', { href: href('timeline', withFilters(params, { place: p.name })) }, `Timeline of ${p.name}`));
  }
  for (const a of [...c.actors, ...c.recipients]) {
    if (a.entity) timelineLinks.push(h('a', { href: href('timeline', withFilters(params, { entity: a.entity })) }, `Timeline of ${a.name}`));
  }
  return h(
    'div',
    { class: 'cluster-details', 'data-cluster': c.id },
    h('h3', null, h('span', { class: 'swatch', style: `background:${typeColour(c.type)}` }), ` ${c.type}`, c.mode ? ` (${c.mode})` : '', h('span', { class: 'muted' }, ` ${c.id}`)),
    field('Date', date),
    field('Place', p ? [placeLine(c), ' ', h('span', { class: `prec-badge ${precisionClass(prec)}` }, PRECISION_LABELS[prec] ?? prec)] : 'no place'),
    field('Who', [...partyLinks(c.actors, params), ' → ', ...partyLinks(c.recipients, params)]),
    field('Fatalities', fatalities),
    field('Certainty', c.certainty),
    field('Sources', `${c.corroboration} independent (corroboration), credibility ${c.credibility} on a 1–6 scale`),
    field('Context', c.contexts.join(', ')),
    c.contradictions.length ? field('Contradictions', `${c.contradictions.length} between reports`) : null,
    h('div', { class: 'field-label' }, `Reports (${c.reports.length})`),
    h(
      'ul',
      { class: 'reports' },
      c.reports.map((r) =>
        h(
          'li',
          null,
          h('a', { href: href('reader', withFilters(params, { doc: r.document, ev: r.event })) }, 'Read'),
          ' ',
          [r.published, r.source].filter(Boolean).join(' · '),
          ` — ${r.certainty}`,
          r.attribution.length ? `, ${accordingTo(r.attribution)}` : '',
        ),
      ),
    ),
    timelineLinks.length ? h('div', { class: 'links' }, join(timelineLinks, ' · ')) : null,
  );
}

export class MapView implements ViewCtl {
  readonly el: HTMLElement;
  private mapEl: HTMLElement;
  private summary: HTMLElement;
  private legend: HTMLElement;
  private selected: HTMLElement;
  private list: HTMLElement;
  private counts: HTMLElement;
  private countBoxes = new Map<CountBy, HTMLInputElement>();
  private map: L.Map | null = null;
  private cluster: L.MarkerClusterGroup | null = null;
  private countLayers = new Map<CountBy, L.LayerGroup>();
  private markers = new Map<string, L.Marker>();
  private loadedKey: string | null = null;
  private countKeys = new Map<CountBy, string>();
  private params = new URLSearchParams();
  private seq = 0;
  private selectedKey: string | null = null;

  constructor() {
    this.mapEl = h('div', { class: 'map', id: 'map', role: 'region', 'aria-label': 'Map of events' });
    this.summary = h('p', { class: 'summary', 'aria-live': 'polite' });
    this.legend = h('div', { class: 'legend' });
    this.selected = h('div', { class: 'selected' });
    this.list = h('ol', { class: 'event-list', id: 'map-events' });
    this.counts = h('div', { class: 'count-tables' });
    const toggles = h(
      'fieldset',
      { class: 'count-toggles' },
      h('legend', null, 'Count layers'),
      COUNT_LAYERS.map((by) => {
        const box = h('input', {
          type: 'checkbox',
          id: `counts-${by}`,
          onchange: () => this.toggleCounts(),
        });
        this.countBoxes.set(by, box);
        return h('label', { for: `counts-${by}` }, box, by === 'country' ? ' by country' : ' by state (admin1)');
      }),
    );
    this.el = h(
      'section',
      { class: 'view view-map', id: 'view-map', 'aria-label': 'Map' },
      this.mapEl,
      h('aside', { class: 'side' }, this.summary, toggles, this.selected, this.legend, this.counts, h('h2', null, 'Events'), this.list),
    );
  }

  private ensureMap(): L.Map {
    if (this.map) return this.map;
    const map = L.map(this.mapEl, { minZoom: 1, maxZoom: 14, worldCopyJump: true, zoomSnap: 0.5 }).setView([20, 0], 2);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution('Outlines: Natural Earth (world-atlas)');
    map.createPane('basemap').style.zIndex = '200';
    // Count circles and their labels stay under the event points.
    map.createPane('counts').style.zIndex = '450';
    map.createPane('countLabels').style.zIndex = '460';
    loadBasemap()
      .then((fc) => {
        L.geoJSON(fc, {
          pane: 'basemap',
          interactive: false,
          style: { color: '#8f8a80', weight: 0.7, fillColor: '#f4f1ea', fillOpacity: 1 },
        }).addTo(map);
      })
      .catch(() => this.mapEl.classList.add('no-basemap'));
    this.cluster = L.markerClusterGroup({
      maxClusterRadius: 40,
      // No cluster animations: points never sit half-way between two zoom levels.
      animate: false,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      disableClusteringAtZoom: 9,
      iconCreateFunction: (cl) => {
        const n = cl.getChildCount();
        const d = n < 10 ? 30 : n < 100 ? 36 : 44;
        return L.divIcon({ html: h('div', { class: 'cl-mark' }, h('span', null, String(n))), className: 'cl-icon', iconSize: L.point(d, d) });
      },
    });
    this.cluster.addTo(map);
    this.map = map;
    return map;
  }

  async show(params: URLSearchParams): Promise<void> {
    this.params = params;
    const map = this.ensureMap();
    requestAnimationFrame(() => map.invalidateSize());
    const filters = filterParams(params);
    const key = filters.toString();
    const wanted = new Set((params.get('counts') ?? '').split(',').filter((x): x is CountBy => (COUNT_LAYERS as readonly string[]).includes(x)));
    for (const [by, box] of this.countBoxes) box.checked = wanted.has(by);
    const jobs: Promise<unknown>[] = [];
    const reload = key !== this.loadedKey;
    if (reload) jobs.push(this.loadEvents(filters, key));
    for (const by of COUNT_LAYERS) jobs.push(this.showCounts(by, wanted.has(by), filters));
    await Promise.all(jobs);
    const cluster = params.get('cluster');
    if (reload || cluster !== this.selectedKey) {
      this.selectedKey = cluster;
      await this.select(cluster);
    }
  }

  private async loadEvents(filters: URLSearchParams, key: string): Promise<void> {
    const seq = ++this.seq;
    this.el.setAttribute('aria-busy', 'true');
    try {
      const { items, more } = await getAll<ClusterRecord>('/api/events', filters, MAX_EVENTS);
      if (seq !== this.seq) return;
      this.draw(items, more);
      this.loadedKey = key;
    } finally {
      if (seq === this.seq) this.el.removeAttribute('aria-busy');
    }
  }

  private draw(items: ClusterRecord[], more: boolean): void {
    const map = this.ensureMap();
    const cluster = this.cluster!;
    cluster.clearLayers();
    this.markers.clear();
    const placed: L.Marker[] = [];
    let unplaced = 0;
    for (const c of items) {
      const p = c.place;
      if (!p || p.lat === null || p.lon === null || p.lat === undefined || p.lon === undefined) {
        unplaced++;
        continue;
      }
      const d = markerSize(c);
      const el = h('div', { class: `ev-mark ${precisionClass(p.precision)}`, 'data-type': c.type, 'data-cluster': c.id });
      el.style.setProperty('--c', typeColour(c.type));
      const m = L.marker([p.lat, p.lon], {
        icon: L.divIcon({ html: el, className: 'ev-icon', iconSize: L.point(d, d) }),
        title: `${c.type} · ${c.date?.value ?? 'undated'} · ${p.name} (${PRECISION_LABELS[p.precision] ?? p.precision})`,
        keyboard: true,
        riseOnHover: true,
      });
      m.bindPopup(() => clusterDetails(c, this.params), { maxWidth: 380, minWidth: 260, autoPanPadding: L.point(24, 24) });
      this.markers.set(c.id, m);
      placed.push(m);
    }
    cluster.addLayers(placed);
    if (placed.length > 0) {
      map.fitBounds(L.latLngBounds(placed.map((m) => m.getLatLng())), { padding: [40, 40], maxZoom: 7, animate: false });
    } else {
      map.setView([20, 0], 2, { animate: false });
    }
    fill(
      this.summary,
      h('strong', { id: 'map-count' }, String(items.length)),
      ` event${items.length === 1 ? '' : 's'}${more ? ' (first ones only: narrow the filters)' : ''}; `,
      `${placed.length} on the map`,
      unplaced ? `, ${unplaced} without a located place` : '',
      '.',
    );
    this.drawLegend(items);
    this.drawList(items);
  }

  private drawLegend(items: ClusterRecord[]): void {
    const types = [...new Set(items.map((c) => c.type))].sort();
    const shape = (prec: string, text: string) =>
      h('li', null, h('span', { class: `ev-mark legend-mark ${precisionClass(prec)}` }), ` ${text}`);
    fill(
      this.legend,
      h('h2', null, 'Legend'),
      h(
        'ul',
        { class: 'legend-types' },
        types.map((t) => h('li', null, h('span', { class: 'swatch', style: `background:${typeColour(t)}` }), ` ${t}`)),
      ),
      h(
        'ul',
        { class: 'legend-shapes' },
        shape('city', 'solid dot: a town or city'),
        shape('admin2', 'ring: a district (admin2)'),
        shape('admin1', 'dashed ring: somewhere in a state (admin1), not a town'),
        shape('country', 'dashed square: somewhere in a country'),
        shape('region', 'dotted square: a wider region'),
      ),
      h('p', { class: 'muted' }, 'Larger points: more fatalities (best estimate). Numbered discs: several events, zoom in or click.'),
    );
  }

  private drawList(items: ClusterRecord[]): void {
    const shown = items.slice(0, LIST_LIMIT);
    fill(
      this.list,
      shown.map((c) =>
        h(
          'li',
          { 'data-type': c.type, 'data-cluster': c.id, 'data-mapped': this.markers.has(c.id) ? '' : null },
          h(
            'button',
            { type: 'button', class: 'linklike', onclick: () => void this.pick(c) },
            h('span', { class: 'swatch', style: `background:${typeColour(c.type)}` }),
            ` ${c.date?.value ?? 'undated'} ${c.type} · ${placeLine(c)}`,
            c.place && c.place.precision !== 'city' ? h('span', { class: 'muted' }, ` (${c.place.precision})`) : '',
            c.fatalities?.best ? ` · ${c.fatalities.best} killed` : '',
          ),
        ),
      ),
      items.length > LIST_LIMIT ? h('li', { class: 'muted' }, `… and ${items.length - LIST_LIMIT} more`) : null,
    );
  }

  /** From the side list: open the marker's popup, or show an unmapped event beside the map. */
  private async pick(c: ClusterRecord): Promise<void> {
    if (this.markers.has(c.id)) {
      fill(this.selected);
      await this.focusCluster(c.id);
    } else {
      fill(this.selected, h('h2', null, 'Selected event (no point on the map)'), clusterDetails(c, this.params));
      this.selected.scrollIntoView({ block: 'nearest' });
      this.selected.querySelector<HTMLElement>('a')?.focus();
    }
  }

  private focusCluster(id: string): Promise<void> {
    const m = this.markers.get(id);
    if (!m || !this.cluster) return Promise.resolve();
    return new Promise((resolve) => {
      let done = false;
      const open = () => {
        if (done) return;
        done = true;
        m.openPopup();
        resolve();
      };
      this.cluster!.zoomToShowLayer(m, open);
      // markercluster can drop the callback when a zoom animation is already running.
      setTimeout(() => {
        if (!done && this.cluster?.getVisibleParent(m) === m) open();
        else if (!done) {
          this.map?.setView(m.getLatLng(), 10, { animate: false });
          setTimeout(open, 50);
        }
      }, 1200);
    });
  }

  private async select(id: string | null): Promise<void> {
    if (!id) {
      fill(this.selected);
      return;
    }
    const c = await get<ClusterRecord>(`/api/events/${encodeURIComponent(id)}`);
    fill(this.selected, h('h2', null, 'Selected event'), clusterDetails(c, this.params));
    if (this.markers.has(id)) await this.focusCluster(id);
    else if (c.place?.lat != null && c.place.lon != null) this.map?.setView([c.place.lat, c.place.lon], 7);
  }

  private toggleCounts(): void {
    const on = COUNT_LAYERS.filter((by) => this.countBoxes.get(by)?.checked);
    update({ counts: on.join(',') });
  }

  private async showCounts(by: CountBy, on: boolean, filters: URLSearchParams): Promise<void> {
    const map = this.ensureMap();
    const old = this.countLayers.get(by);
    const key = filters.toString();
    if (!on) {
      if (old) map.removeLayer(old);
      this.countLayers.delete(by);
      this.countKeys.delete(by);
      this.counts.querySelector(`[data-by="${by}"]`)?.remove();
      return;
    }
    if (old && this.countKeys.get(by) === key) return;
    const p = new URLSearchParams(filters);
    p.set('by', by);
    const agg = await get<Aggregate>('/api/events/aggregate', p);
    if (old) map.removeLayer(old);
    const layer = L.layerGroup();
    const max = Math.max(1, ...agg.groups.map((g) => g.clusters));
    for (const g of agg.groups) {
      if (g.lat === null || g.lon === null) continue;
      const r = 8 + 22 * Math.sqrt(g.clusters / max);
      L.circleMarker([g.lat, g.lon], {
        radius: r,
        pane: 'counts',
        className: `count-circle count-${by}`,
        color: by === 'country' ? '#1d4f91' : '#2b7a3a',
        weight: 1.5,
        fillOpacity: 0.18,
        interactive: true,
      })
        .bindTooltip(h('span', null, `${g.key}: ${g.clusters}`), {
          permanent: true,
          direction: 'right',
          offset: L.point(r - 4, 0),
          pane: 'countLabels',
          className: `count-label count-label-${by}`,
        })
        .addTo(layer);
    }
    layer.addTo(map);
    this.countLayers.set(by, layer);
    this.countKeys.set(by, key);
    this.counts.querySelector(`[data-by="${by}"]`)?.remove();
    this.counts.appendChild(countTable(by, agg.groups));
  }
}

function countTable(by: CountBy, groups: AggregateGroup[]): HTMLElement {
  const sorted = [...groups].sort((a, b) => b.clusters - a.clusters || a.key.localeCompare(b.key));
  return h(
    'details',
    { 'data-by': by, class: 'count-table' },
    h('summary', null, `Counts by ${by === 'country' ? 'country' : 'state'} (${groups.length})`),
    h(
      'table',
      null,
      h('thead', null, h('tr', null, h('th', null, by === 'country' ? 'Country' : 'State'), h('th', null, 'Events'), h('th', null, 'Reports'), h('th', null, 'Killed'))),
      h(
        'tbody',
        null,
        sorted.map((g) =>
          h(
            'tr',
            null,
            h('td', null, g.key, by === 'admin1' && g.country ? h('span', { class: 'muted' }, ` ${g.country}`) : '', g.lat === null ? h('span', { class: 'muted' }, ' (not mapped)') : ''),
            h('td', null, String(g.clusters)),
            h('td', null, String(g.reports)),
            h('td', null, String(g.fatalities)),
          ),
        ),
      ),
    ),
  );
}
