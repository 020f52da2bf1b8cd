// Graph view: an entity's neighbourhood (cytoscape, loaded on demand), entity search,
// an evidence panel for edges, and paths between two entities.

import type { Core, ElementDefinition, EventObject, NodeSingular } from 'cytoscape';

import { get, type EntitySummary, type Graph, type GraphEdge, type ListPage, type Profile, type Step } from './api';
import { fill, h, field, join } from './dom';
import { withFilters } from './filters';
import { go, href, parse, type ViewCtl } from './router';
import { KIND_COLOURS, KIND_LABELS } from './style-data';

type Cytoscape = typeof import('cytoscape');
let cytoscapeLib: Promise<Cytoscape> | null = null;
function loadCytoscape(): Promise<Cytoscape> {
  cytoscapeLib ??= import('cytoscape').then((m) => m.default);
  return cytoscapeLib;
}

interface EdgeData {
  source: string;
  target: string;
  label: string;
  via: string;
  cluster: string | null;
  document: string;
  evidence: string;
  path?: boolean;
}

const DEFAULT_LIMIT = '50';

const VIA_LABELS: Record<string, string> = {
  relation: 'a stated relation',
  role: 'a role',
  event: 'a shared event',
  sentence: 'named in the same sentence (no stated relation)',
};

function short(s: string, n = 28): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export class GraphView implements ViewCtl {
  readonly el: HTMLElement;
  private canvas: HTMLElement;
  private results: HTMLElement;
  private profile: HTMLElement;
  private evidence: HTMLElement;
  private pathOut: HTMLElement;
  private lists: HTMLElement;
  private findInput: HTMLInputElement;
  private limitSelect: HTMLSelectElement;
  private fromInput: HTMLInputElement;
  private toInput: HTMLInputElement;
  private cy: Core | null = null;
  private params = new URLSearchParams();
  private seq = 0;
  private shownKey: string | null = null;
  private findKey: string | null = null;
  private names = new Map<string, string>();

  constructor() {
    this.canvas = h('div', { class: 'graph-canvas', id: 'graph-canvas', role: 'img', 'aria-label': 'Entity graph; the lists beside it hold the same nodes and edges' });
    this.results = h('div', { class: 'entity-results', id: 'entity-results' });
    this.profile = h('div', { class: 'profile' });
    this.evidence = h('div', { class: 'evidence', id: 'graph-evidence', 'aria-live': 'polite' });
    this.pathOut = h('div', { class: 'path-out', id: 'path-out' });
    this.lists = h('div', { class: 'graph-lists' });
    this.findInput = h('input', { type: 'search', id: 'graph-find', name: 'find', placeholder: 'name, e.g. Sheinbaum', autocomplete: 'off' });
    this.limitSelect = h('select', { id: 'graph-limit', name: 'limit' }, ['25', '50', '100', '250'].map((n) => h('option', { value: n }, `${n} neighbours`)));
    this.fromInput = h('input', { type: 'text', id: 'path-from', name: 'from', placeholder: 'name or E id', autocomplete: 'off' });
    this.toInput = h('input', { type: 'text', id: 'path-to', name: 'to', placeholder: 'name or E id', autocomplete: 'off' });

    const findForm = h(
      'form',
      { class: 'stack', id: 'graph-find-form', 'aria-label': 'Find an entity' },
      h('label', { for: 'graph-find' }, 'Find an entity'),
      h('div', { class: 'row' }, this.findInput, h('button', { type: 'submit' }, 'Search')),
      h('div', { class: 'row' }, h('label', { for: 'graph-limit' }, 'Show at most'), this.limitSelect),
    );
    findForm.addEventListener('submit', (e) => {
      e.preventDefault();
      this.navigate({ find: this.findInput.value.trim() });
    });
    this.limitSelect.addEventListener('change', () => this.navigate({ limit: this.limitSelect.value === DEFAULT_LIMIT ? '' : this.limitSelect.value }));

    const pathForm = h(
      'form',
      { class: 'stack', id: 'path-form', 'aria-label': 'Path between two entities' },
      h('h2', null, 'Path'),
      h('div', { class: 'row' }, h('label', { for: 'path-from' }, 'From'), this.fromInput),
      h('div', { class: 'row' }, h('label', { for: 'path-to' }, 'To'), this.toInput),
      h('div', { class: 'row' }, h('button', { type: 'submit' }, 'Find path'), h('button', { type: 'button', onclick: () => this.navigate({ from: '', to: '' }) }, 'Clear path')),
    );
    pathForm.addEventListener('submit', (e) => {
      e.preventDefault();
      this.navigate({ from: this.fromInput.value.trim(), to: this.toInput.value.trim() });
    });

    this.el = h(
      'section',
      { class: 'view view-graph', id: 'view-graph', 'aria-label': 'Graph' },
      h('aside', { class: 'side' }, findForm, this.results, this.profile, this.evidence, pathForm, this.pathOut, this.lists),
      h('div', { class: 'graph-main' }, this.canvas, h('div', { class: 'graph-legend' }, Object.entries(KIND_COLOURS).map(([k, c]) => h('span', null, h('span', { class: 'swatch round', style: `background:${c}` }), ` ${k} ${KIND_LABELS[k]}`)), h('span', { class: 'muted' }, 'edges: solid relation, dotted role, dashed shared event, grey dotted same sentence · click a node to centre on it, an edge for its evidence'))),
    );
  }

  private navigate(changes: Record<string, string>): void {
    const { params } = parse();
    for (const [k, v] of Object.entries(changes)) {
      if (v) params.set(k, v);
      else params.delete(k);
    }
    go('graph', params);
  }

  async show(params: URLSearchParams): Promise<void> {
    this.params = params;
    const find = params.get('find') ?? '';
    const entity = params.get('entity') ?? '';
    const limit = ['25', '50', '100', '250'].includes(params.get('limit') ?? '') ? params.get('limit')! : DEFAULT_LIMIT;
    const from = params.get('from') ?? '';
    const to = params.get('to') ?? '';
    this.findInput.value = find;
    this.limitSelect.value = limit;
    this.fromInput.value = from;
    this.toInput.value = to;
    const seq = ++this.seq;

    const jobs: Promise<unknown>[] = [];
    if (find !== this.findKey) jobs.push(this.search(find, seq).then(() => (this.findKey = find)));
    const key = `${entity}|${limit}|${from}|${to}`;
    if (key !== this.shownKey) {
      jobs.push(this.render(entity, limit, from, to, seq).then(() => (this.shownKey = key)));
    } else {
      requestAnimationFrame(() => this.cy?.resize());
    }
    await Promise.all(jobs);
  }

  private async search(find: string, seq: number): Promise<void> {
    if (!find) {
      fill(this.results);
      return;
    }
    const page = await get<ListPage<EntitySummary>>('/api/entities', { q: find, limit: 25 });
    if (seq !== this.seq) return;
    fill(
      this.results,
      h('h2', null, `Entities matching “${find}”`),
      page.items.length === 0
        ? h('p', { class: 'muted' }, 'No entity found.')
        : h(
            'ul',
            { class: 'plain' },
            page.items.map((e) =>
              h(
                'li',
                null,
                h('span', { class: 'swatch round', style: `background:${KIND_COLOURS[e.kind] ?? '#777'}` }),
                ' ',
                h('a', { href: href('graph', withFilters(this.params, { entity: e.id, find })) }, e.name),
                h('span', { class: 'muted' }, ` ${e.kind} · ${e.documents} doc${e.documents === 1 ? '' : 's'}${e.first_seen ? ` · ${e.first_seen}` : ''}${e.last_seen && e.last_seen !== e.first_seen ? `–${e.last_seen}` : ''}`),
              ),
            ),
          ),
    );
  }

  private async ensureCy(): Promise<Core> {
    if (this.cy) return this.cy;
    const cytoscape = await loadCytoscape();
    const cy = cytoscape({
      container: this.canvas,
      minZoom: 0.2,
      maxZoom: 3,
      wheelSensitivity: 0.3,
      style: [
        {
          selector: 'node',
          style: {
            'background-color': (n: NodeSingular) => KIND_COLOURS[n.data('kind') as string] ?? '#777777',
            label: 'data(short)',
            'font-size': 11,
            color: '#1d1d1d',
            'text-valign': 'bottom',
            'text-margin-y': 3,
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.8,
            'text-background-padding': '1px',
            width: (n: NodeSingular) => 16 + Math.min(24, 4 * Math.sqrt(Number(n.data('documents')) || 1)),
            height: (n: NodeSingular) => 16 + Math.min(24, 4 * Math.sqrt(Number(n.data('documents')) || 1)),
          },
        },
        { selector: 'node.centre', style: { 'border-width': 4, 'border-color': '#111111', 'font-weight': 'bold' } },
        { selector: 'node.onpath', style: { 'border-width': 4, 'border-color': '#f08c00' } },
        {
          selector: 'edge',
          style: {
            width: 1.5,
            'line-color': '#9aa0a6',
            'target-arrow-color': '#9aa0a6',
            'target-arrow-shape': 'triangle',
            'arrow-scale': 0.8,
            'curve-style': 'bezier',
            label: 'data(short)',
            'font-size': 9,
            color: '#444444',
            'text-rotation': 'autorotate',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.85,
            'text-background-padding': '1px',
          },
        },
        { selector: 'edge[via = "event"]', style: { 'line-style': 'dashed' } },
        { selector: 'edge[via = "role"]', style: { 'line-style': 'dotted' } },
        { selector: 'edge[via = "sentence"]', style: { 'line-style': 'dotted', 'line-color': '#c4c8cc', 'target-arrow-shape': 'none', color: '#777777' } },
        { selector: 'edge.path', style: { width: 4, 'line-color': '#f08c00', 'target-arrow-color': '#f08c00', color: '#7a4500', 'z-index': 10 } },
        { selector: ':selected', style: { 'line-color': '#1a73e8', 'target-arrow-color': '#1a73e8', 'border-width': 3, 'border-color': '#1a73e8' } },
      ],
    });
    cy.on('tap', 'node', (e: EventObject) => this.navigate({ entity: e.target.id() }));
    cy.on('tap', 'edge', (e: EventObject) => this.showEvidence(e.target.data() as EdgeData));
    this.cy = cy;
    return cy;
  }

  private async render(entity: string, limit: string, from: string, to: string, seq: number): Promise<void> {
    fill(this.evidence);
    const graphP = entity ? get<Graph>(`/api/entities/${encodeURIComponent(entity)}/graph`, { limit }) : Promise.resolve(null);
    const profileP = entity ? get<Profile>(`/api/entities/${encodeURIComponent(entity)}`) : Promise.resolve(null);
    const pathP = from && to ? get<{ steps: Step[] | null }>('/api/path', { from, to, max_hops: 4 }) : Promise.resolve(null);
    const [graph, profile, path] = await Promise.all([graphP, profileP, pathP]);
    if (seq !== this.seq) return;

    this.drawProfile(profile);
    this.drawPath(path, from, to);
    const centre = profile?.id ?? graph?.nodes.find((n) => n.id === entity || n.name === entity)?.id ?? entity;
    const nodes = new Map<string, ElementDefinition>();
    const edges: ElementDefinition[] = [];
    this.names.clear();
    for (const n of graph?.nodes ?? []) {
      this.names.set(n.id, n.name);
      nodes.set(n.id, { group: 'nodes', data: { id: n.id, name: n.name, short: short(n.name), kind: n.kind, documents: n.documents }, classes: n.id === centre ? 'centre' : '' });
    }
    (graph?.edges ?? []).forEach((e: GraphEdge, i) => {
      if (!nodes.has(e.source) || !nodes.has(e.target)) return;
      edges.push({ group: 'edges', data: { id: `g${i}`, ...e, short: short(e.label, 24) } });
    });
    (path?.steps ?? []).forEach((st, i) => {
      for (const [id, name] of [[st.from, st.from_name], [st.to, st.to_name]]) {
        this.names.set(id, name);
        const ex = nodes.get(id);
        if (ex) ex.classes = `${ex.classes ?? ''} onpath`;
        else nodes.set(id, { group: 'nodes', data: { id, name, short: short(name), kind: '', documents: 1 }, classes: 'onpath' });
      }
      const d: EdgeData = { source: st.from, target: st.to, label: st.label, via: st.via, cluster: null, document: st.document, evidence: st.evidence, path: true };
      edges.push({ group: 'edges', data: { id: `p${i}`, ...d, short: short(st.label, 24) }, classes: 'path' });
    });

    this.drawLists([...nodes.values()], edges);
    if (nodes.size === 0) {
      this.cy?.elements().remove();
      this.canvas.dataset.nodes = '0';
      this.canvas.dataset.edges = '0';
      this.canvas.classList.add('empty');
      return;
    }
    this.canvas.classList.remove('empty');
    const cy = await this.ensureCy();
    if (seq !== this.seq) return;
    cy.resize();
    cy.elements().remove();
    cy.add([...nodes.values(), ...edges]);
    if (graph && cy.getElementById(centre).nonempty()) {
      const dist = new Map<string, number>();
      cy.elements().bfs({ roots: cy.getElementById(centre), directed: false, visit: (v, _e, _u, _i, d) => void dist.set(v.id(), d) });
      cy.layout({ name: 'concentric', concentric: (n) => 10 - (dist.get(n.id()) ?? 9), levelWidth: () => 1, minNodeSpacing: 70, spacingFactor: 1.1, animate: false, padding: 30 }).run();
    } else {
      const root = path?.steps?.[0]?.from;
      cy.layout({ name: 'breadthfirst', directed: false, roots: root ? [root] : undefined, animate: false, padding: 30, spacingFactor: 1.6 }).run();
    }
    cy.fit(undefined, 30);
    this.canvas.dataset.nodes = String(cy.nodes().length);
    this.canvas.dataset.edges = String(cy.edges().length);
    if (cy.zoom() > 1.2) {
      cy.zoom(1.2);
      cy.center();
    }
  }

  private drawProfile(p: Profile | null): void {
    if (!p) {
      fill(this.profile, h('p', { class: 'muted' }, 'Search an entity, then pick one to see its neighbourhood.'));
      return;
    }
    const aliases = p.names.map((n) => n.name).filter((n) => n !== p.name);
    const docs = p.document_list ?? [];
    const count = p.documents;
    fill(
      this.profile,
      h('h2', { id: 'graph-centre' }, h('span', { class: 'swatch round', style: `background:${KIND_COLOURS[p.kind] ?? '#777'}` }), ` ${p.name}`),
      field('Kind', `${p.kind} (${KIND_LABELS[p.kind] ?? p.kind}) · ${p.id}`),
      field('Also', aliases.join(', ')),
      field('Seen', `${count} document${count === 1 ? '' : 's'}${p.first_seen ? `, ${p.first_seen}` : ''}${p.last_seen && p.last_seen !== p.first_seen ? ` to ${p.last_seen}` : ''}`),
      h(
        'div',
        { class: 'links' },
        h('a', { href: href('timeline', withFilters(this.params, { entity: p.id })) }, 'Timeline'),
        ' · ',
        h('a', { href: href('map', withFilters(this.params, {})) }, 'Map'),
        docs.length ? ' · documents: ' : '',
        join(docs.slice(0, 5).map((d) => h('a', { href: href('reader', withFilters(this.params, { doc: d.id })) }, short(d.title ?? d.id, 40)))),
      ),
    );
  }

  private drawPath(path: { steps: Step[] | null } | null, from: string, to: string): void {
    if (!from || !to) {
      fill(this.pathOut);
      return;
    }
    if (!path?.steps || path.steps.length === 0) {
      fill(this.pathOut, h('p', { class: 'muted', id: 'path-none' }, `No path found from “${from}” to “${to}” within 4 steps.`));
      return;
    }
    fill(
      this.pathOut,
      h(
        'ol',
        { class: 'path-steps', id: 'path-steps' },
        path.steps.map((st) =>
          h(
            'li',
            null,
            h('strong', null, st.from_name),
            ` —${st.label}→ `,
            h('strong', null, st.to_name),
            h('blockquote', null, st.evidence),
            h('a', { href: href('reader', withFilters(this.params, { doc: st.document, quote: st.evidence })) }, 'Read the document'),
          ),
        ),
      ),
    );
  }

  private drawLists(nodes: ElementDefinition[], edges: ElementDefinition[]): void {
    if (nodes.length === 0) {
      fill(this.lists);
      return;
    }
    const name = (id: string) => this.names.get(id) ?? id;
    fill(
      this.lists,
      h(
        'details',
        { class: 'node-list' },
        h('summary', null, `Nodes (${nodes.length})`),
        h(
          'ul',
          { class: 'plain', id: 'graph-nodes' },
          nodes.map((n) =>
            h(
              'li',
              null,
              h('span', { class: 'swatch round', style: `background:${KIND_COLOURS[n.data.kind as string] ?? '#777'}` }),
              ' ',
              h('a', { href: href('graph', withFilters(this.params, { entity: String(n.data.id), limit: this.params.get('limit') })) }, String(n.data.name)),
              h('span', { class: 'muted' }, ` ${n.data.kind}`),
            ),
          ),
        ),
      ),
      h(
        'details',
        { class: 'edge-list' },
        h('summary', null, `Edges (${edges.length})`),
        h(
          'ul',
          { class: 'plain', id: 'graph-edges' },
          edges.map((e) =>
            h(
              'li',
              null,
              h(
                'button',
                {
                  type: 'button',
                  class: 'linklike',
                  onclick: () => {
                    this.showEvidence(e.data as unknown as EdgeData);
                    this.cy?.elements().unselect();
                    this.cy?.getElementById(String(e.data.id)).select();
                  },
                },
                `${name(String(e.data.source))} —${e.data.label}→ ${name(String(e.data.target))}`,
              ),
            ),
          ),
        ),
      ),
    );
  }

  private showEvidence(e: EdgeData): void {
    const name = (id: string) => this.names.get(id) ?? id;
    fill(
      this.evidence,
      h('h2', null, 'Evidence'),
      h('p', null, h('strong', null, name(e.source)), ` —${e.label}→ `, h('strong', null, name(e.target))),
      field('Link', VIA_LABELS[e.via] ?? e.via),
      h('blockquote', { class: 'evidence-text' }, e.evidence || '(no words given)'),
      h(
        'div',
        { class: 'links' },
        e.document ? h('a', { href: href('reader', withFilters(this.params, { doc: e.document, quote: e.evidence })) }, 'Read the document') : null,
        e.cluster ? [' · ', h('a', { href: href('map', withFilters(this.params, { cluster: e.cluster })) }, `Event ${e.cluster} on the map`)] : null,
      ),
    );
  }
}
