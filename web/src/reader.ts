// Reader view: document search and one document with its layers (entities, events,
// dates and values, relations) drawn as highlights over the text.
//
// Offsets in the API are UTF-8 byte offsets into document.text; they are converted to
// JS string indices before slicing. Article text only ever enters the page as text nodes.

import { get, type DocEntity, type DocEvent, type DocRelation, type FullDocument, type ListPage, type Place, type SearchHit } from './api';
import { fill, h, field, join, safeUrl, type Child } from './dom';
import { withFilters } from './filters';
import { href, type ViewCtl } from './router';
import { KIND_COLOURS, KIND_LABELS, PRECISION_LABELS, accordingTo, typeColour } from './style-data';

/** A function from UTF-8 byte offset to JS (UTF-16) index, for one string. */
export function byteToIndex(text: string): (byte: number) => number {
  const total = new TextEncoder().encode(text).length;
  const map = new Uint32Array(total + 1);
  let b = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < n; k++) map[b + k] = i;
    b += n;
    i += cp >= 0x10000 ? 2 : 1;
  }
  map[total] = text.length;
  return (off) => (off <= 0 ? 0 : off >= total ? text.length : map[off]);
}

/** Text with byte ranges marked (search snippets). */
export function markedText(text: string, ranges: [number, number][] | undefined): Child[] {
  if (!ranges || ranges.length === 0) return [text];
  const at = byteToIndex(text);
  const out: Child[] = [];
  let cur = 0;
  for (const [bs, be] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const s = Math.max(cur, at(bs));
    const e = at(be);
    if (e <= s) continue;
    out.push(text.slice(cur, s), h('mark', null, text.slice(s, e)));
    cur = e;
  }
  out.push(text.slice(cur));
  return out;
}

type Layer = 'quote' | 'rel' | 'evid' | 'trig' | 'ent' | 'place' | 'val';
const RANK: Record<Layer, number> = { quote: 0, rel: 1, evid: 2, trig: 3, ent: 4, place: 5, val: 6 };

interface Ann {
  s: number;
  e: number;
  layer: Layer;
  cls: string;
  /** Index into the document's annotation info table. */
  info: number;
  focusable: boolean;
  attrs?: Record<string, string>;
}

interface TNode {
  ann: Ann | null;
  s: number;
  e: number;
  cont: boolean;
  children: TNode[];
}

function cmp(a: Ann, b: Ann): number {
  return a.s - b.s || b.e - a.e || RANK[a.layer] - RANK[b.layer];
}

/** Nest annotations into a tree; one that crosses its parent's end is split in two. */
function buildTree(anns: Ann[], len: number): TNode {
  const queue = anns.filter((a) => a.s >= 0 && a.e <= len && a.e > a.s).sort(cmp);
  const root: TNode = { ann: null, s: 0, e: len, cont: false, children: [] };
  const stack: TNode[] = [root];
  const conts = new Set<Ann>();
  for (let i = 0; i < queue.length; i++) {
    const a = queue[i];
    while (stack.length > 1 && stack[stack.length - 1].e <= a.s) stack.pop();
    const parent = stack[stack.length - 1];
    let e = a.e;
    if (e > parent.e) {
      const rest: Ann = { ...a, s: parent.e };
      conts.add(rest);
      let j = i + 1;
      while (j < queue.length && cmp(queue[j], rest) <= 0) j++;
      queue.splice(j, 0, rest);
      e = parent.e;
    }
    const node: TNode = { ann: a, s: a.s, e, cont: conts.has(a), children: [] };
    parent.children.push(node);
    stack.push(node);
  }
  return root;
}

function renderTree(node: TNode, text: string, out: Node): void {
  let cur = node.s;
  for (const ch of node.children) {
    if (ch.s > cur) out.appendChild(document.createTextNode(text.slice(cur, ch.s)));
    const a = ch.ann!;
    const focusable = a.focusable && !ch.cont;
    const el = h(focusable ? 'mark' : 'span', { class: `hl hl-${a.layer} ${a.cls}`, 'data-ann': String(a.info), ...(a.attrs ?? {}) });
    if (focusable) el.tabIndex = 0;
    renderTree(ch, text, el);
    out.appendChild(el);
    cur = ch.e;
  }
  if (cur < node.e) out.appendChild(document.createTextNode(text.slice(cur, node.e)));
}

function placeText(p: Place | null | undefined): string {
  if (!p) return '';
  const parts = [p.name, p.admin1 && p.admin1 !== p.name ? p.admin1 : null, p.country].filter(Boolean);
  return `${parts.join(', ')} — ${PRECISION_LABELS[p.precision] ?? p.precision}`;
}

export class ReaderView implements ViewCtl {
  readonly el: HTMLElement;
  private listHead: HTMLElement;
  private list: HTMLElement;
  private more: HTMLButtonElement;
  private docEl: HTMLElement;
  private details: HTMLElement;
  private params = new URLSearchParams();
  private seq = 0;
  private listKey: string | null = null;
  private nextOffset: number | null = null;
  private docKey: string | null = null;
  private infos: (() => Child[])[] = [];
  private active: HTMLElement | null = null;

  constructor() {
    this.listHead = h('h2', { id: 'doc-list-head' });
    this.list = h('ol', { class: 'doc-list', id: 'doc-list' });
    this.more = h('button', { type: 'button', class: 'more', hidden: true, onclick: () => void this.loadMore() }, 'More documents');
    this.docEl = h('article', { class: 'doc', id: 'doc', 'aria-live': 'polite' });
    this.details = h('aside', { class: 'doc-details side', id: 'doc-details', 'aria-label': 'Highlight details', tabindex: -1 });
    this.el = h(
      'section',
      { class: 'view view-reader', id: 'view-reader', 'aria-label': 'Reader' },
      h('nav', { class: 'side doc-nav', 'aria-label': 'Documents' }, this.listHead, h('p', { class: 'muted small' }, 'Search with Words (and Since/Until) in the filter bar.'), this.list, this.more),
      this.docEl,
      this.details,
    );
    this.details.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.active) this.active.focus();
    });
  }

  async show(params: URLSearchParams): Promise<void> {
    this.params = params;
    const seq = ++this.seq;
    const listParams = new URLSearchParams();
    for (const k of ['q', 'since', 'until']) {
      const v = params.get(k);
      if (v) listParams.set(k, v);
    }
    const doc = params.get('doc');
    const docKey = doc ? `${doc}|${params.get('ev') ?? ''}|${params.get('ent') ?? ''}|${params.get('quote') ?? ''}` : null;
    const jobs: Promise<unknown>[] = [];
    const lk = listParams.toString();
    if (lk !== this.listKey) jobs.push(this.loadList(listParams, seq).then(() => (this.listKey = lk)));
    else this.markCurrent(doc);
    if (docKey !== this.docKey) {
      jobs.push(doc ? this.loadDoc(doc, seq).then(() => (this.docKey = docKey)) : Promise.resolve(this.emptyDoc()).then(() => (this.docKey = null)));
    }
    await Promise.all(jobs);
  }

  private emptyDoc(): void {
    fill(this.docEl, h('p', { class: 'muted' }, 'Pick a document on the left.'));
    fill(this.details);
  }

  // ----- document list -------------------------------------------------------------

  private async loadList(listParams: URLSearchParams, seq: number): Promise<void> {
    const p = new URLSearchParams(listParams);
    p.set('limit', '50');
    const page = await get<ListPage<SearchHit>>('/api/documents', p);
    if (seq !== this.seq) return;
    const q = listParams.get('q');
    this.listHead.textContent = q ? `Documents matching “${q}”` : 'Latest documents';
    fill(this.list, page.items.length ? page.items.map((d) => this.listItem(d)) : h('li', { class: 'muted' }, 'No document found.'));
    this.nextOffset = page.next_offset ?? null;
    this.more.hidden = this.nextOffset === null;
    this.markCurrent(this.params.get('doc'));
  }

  private async loadMore(): Promise<void> {
    if (this.nextOffset === null) return;
    const p = new URLSearchParams();
    for (const k of ['q', 'since', 'until']) {
      const v = this.params.get(k);
      if (v) p.set(k, v);
    }
    p.set('limit', '50');
    p.set('offset', String(this.nextOffset));
    const page = await get<ListPage<SearchHit>>('/api/documents', p);
    for (const d of page.items) this.list.appendChild(this.listItem(d));
    this.nextOffset = page.next_offset ?? null;
    this.more.hidden = this.nextOffset === null;
  }

  private listItem(d: SearchHit): HTMLElement {
    return h(
      'li',
      { 'data-doc': d.id },
      h('a', { href: href('reader', withFilters(this.params, { doc: d.id })), class: 'doc-title' }, d.title || '(untitled)'),
      h('div', { class: 'meta' }, [d.published, d.source, d.lang].filter(Boolean).join(' · ')),
      d.snippet ? h('p', { class: 'snippet' }, markedText(d.snippet, d.highlights)) : null,
    );
  }

  private markCurrent(doc: string | null): void {
    for (const li of this.list.querySelectorAll<HTMLElement>('li[data-doc]')) {
      const a = li.querySelector('a');
      if (li.dataset.doc === doc) a?.setAttribute('aria-current', 'page');
      else a?.removeAttribute('aria-current');
    }
  }

  // ----- one document ---------------------------------------------------------------

  private async loadDoc(id: string, seq: number): Promise<void> {
    const d = await get<FullDocument>(`/api/documents/${encodeURIComponent(id)}`);
    if (seq !== this.seq) return;
    this.renderDoc(d);
    this.markCurrent(id);
  }

  private renderDoc(d: FullDocument): void {
    const text = d.document.text ?? '';
    const at = byteToIndex(text);
    const links = d.links ?? {};
    const graphId = (e: string | null | undefined) => (e ? links.entities?.[e] ?? null : null);
    const entities = new Map(d.entities.map((e) => [e.id, e]));
    const p = this.params;
    this.infos = [];
    const anns: Ann[] = [];
    const addInfo = (f: () => Child[]) => this.infos.push(f) - 1;

    const entityLink = (eid: string | null | undefined, name: string): Child => {
      const gid = graphId(eid);
      return gid ? h('a', { href: href('graph', withFilters(p, { entity: gid })) }, name) : name;
    };
    const partyList = (parties: { entity?: string | null; name: string }[]): Child[] =>
      parties.length ? join(parties.map((x) => entityLink(x.entity, x.name))) : ['—'];
    const focusButton = (attr: string, value: string, label: string): Child =>
      h('button', { type: 'button', class: 'linklike', onclick: () => this.focusAnn(attr, value) }, label);

    const eventLines = (ev: DocEvent): Child[] => {
      const cluster = links.events?.[ev.id];
      return [
        h('h3', null, h('span', { class: 'swatch', style: `background:${typeColour(ev.type)}` }), ` ${ev.type}`, ev.mode ? ` (${ev.mode})` : '', h('span', { class: 'muted' }, ` event ${ev.id}`)),
        field('Trigger', ev.trigger?.text ?? ''),
        field('Date', ev.date?.value ? `${ev.date.value} (${ev.date.precision}${ev.date.text ? `, from “${ev.date.text}”` : ''})` : 'undated'),
        field('Place', ev.place ? placeText(ev.place) : 'none'),
        field('Who', [...partyList(ev.actors), ' → ', ...partyList(ev.recipients)]),
        ev.fatalities !== undefined && ev.fatalities !== null ? field('Fatalities', String(ev.fatalities)) : null,
        field('Certainty', ev.certainty),
        field('Source', accordingTo(ev.attribution) || 'the outlet itself'),
        field('Context', ev.contexts.join(', ')),
        h(
          'div',
          { class: 'links' },
          cluster
            ? [
                h('a', { href: href('map', withFilters(p, { cluster })) }, `Event ${cluster} on the map`),
                ' · ',
                ev.place ? h('a', { href: href('timeline', withFilters(p, { place: ev.place.name })) }, `Timeline of ${ev.place.name}`) : null,
              ]
            : h('span', { class: 'muted' }, 'not in any cluster'),
        ),
      ];
    };

    const relationLines = (r: DocRelation): Child[] => {
      const obj = entities.get(r.object);
      return [
        h('h3', null, 'Relation'),
        h('p', null, h('strong', null, entityLink(r.subject, entities.get(r.subject)?.name ?? r.subject)), ` —${r.predicate}→ `, h('strong', null, obj ? entityLink(obj.id, obj.name) : r.object)),
        field('Role', r.role ?? ''),
        field('Certainty', r.certainty),
        field('Source', accordingTo(r.attribution) || 'the outlet itself'),
      ];
    };

    const entityLines = (ent: DocEntity, mention: string, place: Place | null): Child[] => {
      const gid = graphId(ent.id);
      const evs = d.events.filter((ev) => ev.actors.some((a) => a.entity === ent.id) || ev.recipients.some((a) => a.entity === ent.id) || ev.place?.entity === ent.id);
      const rels = d.relations.filter((r) => r.subject === ent.id || r.object === ent.id);
      return [
        h('h3', null, h('span', { class: 'swatch round', style: `background:${KIND_COLOURS[ent.kind] ?? '#777'}` }), ` ${ent.name}`, ent.unnamed ? h('span', { class: 'muted' }, ' (unnamed)') : ''),
        field('Kind', `${ent.kind} (${KIND_LABELS[ent.kind] ?? ent.kind})`),
        field('Graph', gid ? h('a', { href: href('graph', withFilters(p, { entity: gid })) }, gid) : h('span', { class: 'muted' }, 'not linked')),
        mention !== ent.name ? field('Written', mention) : null,
        field('Also', ent.aliases.filter((a) => a !== ent.name).join(', ')),
        field('Roles', ent.roles.map((r) => [r.title, r.org].filter(Boolean).join(', ')).filter(Boolean).join('; ')),
        place || ent.place ? field('Place', placeText(place ?? ent.place)) : null,
        evs.length
          ? h(
              'div',
              null,
              h('div', { class: 'field-label' }, 'In events'),
              h(
                'ul',
                { class: 'plain' },
                evs.slice(0, 8).map((ev) => {
                  const role = ev.actors.some((a) => a.entity === ent.id) ? 'actor' : ev.recipients.some((a) => a.entity === ent.id) ? 'recipient' : 'place';
                  return h('li', null, focusButton('data-trig', ev.id, `${role} in ${ev.type}`), ` — ${ev.certainty}`, ev.attribution.length ? `, ${accordingTo(ev.attribution)}` : '');
                }),
              ),
            )
          : null,
        rels.length
          ? h(
              'div',
              null,
              h('div', { class: 'field-label' }, 'In relations'),
              h(
                'ul',
                { class: 'plain' },
                rels.slice(0, 8).map((r) => {
                  const other = r.subject === ent.id ? entities.get(r.object)?.name ?? r.object : entities.get(r.subject)?.name ?? r.subject;
                  return h('li', null, `${r.subject === ent.id ? '' : '← '}${r.predicate}${r.role ? ` (${r.role})` : ''} ${other} — ${r.certainty}`, r.attribution.length ? `, ${accordingTo(r.attribution)}` : '');
                }),
              ),
            )
          : null,
        gid ? h('div', { class: 'links' }, h('a', { href: href('graph', withFilters(p, { entity: gid })) }, 'Graph'), ' · ', h('a', { href: href('timeline', withFilters(p, { entity: gid })) }, 'Timeline')) : null,
      ];
    };

    // Entity mentions (and places that coincide with them).
    const byRange = new Map<string, Ann>();
    for (const ent of d.entities) {
      for (const m of ent.mentions) {
        const s = at(m.start);
        const e = at(m.end);
        const ann: Ann = { s, e, layer: 'ent', cls: `k-${ent.kind}`, info: 0, focusable: true, attrs: { 'data-ent': ent.id } };
        const mention = text.slice(s, e);
        ann.info = addInfo(() => entityLines(ent, mention, (ann as Ann & { place?: Place }).place ?? null));
        byRange.set(`${s}:${e}`, ann);
        anns.push(ann);
      }
    }
    for (const m of d.mentions) {
      const s = at(m.start);
      const e = at(m.end);
      if (byRange.has(`${s}:${e}`)) continue;
      const ann: Ann = { s, e, layer: 'ent', cls: `k-${m.kind}`, info: addInfo(() => [h('h3', null, text.slice(s, e)), field('Kind', `${m.kind} (${KIND_LABELS[m.kind] ?? m.kind})`), h('p', { class: 'muted' }, 'A name the reader found but did not keep as an entity.')]), focusable: true };
      byRange.set(`${s}:${e}`, ann);
      anns.push(ann);
    }
    for (const pl of d.places) {
      const s = at(pl.start);
      const e = at(pl.end);
      const same = byRange.get(`${s}:${e}`);
      if (same && same.layer === 'ent') {
        (same as Ann & { place?: Place }).place = pl.place;
        continue;
      }
      anns.push({ s, e, layer: 'place', cls: 'k-LOC', focusable: true, info: addInfo(() => [h('h3', null, pl.place.name), field('Place', placeText(pl.place)), field('Written', text.slice(s, e))]) });
    }
    // Events: the trigger word is focusable; the evidence is a background span.
    for (const ev of d.events) {
      const info = addInfo(() => eventLines(ev));
      if (ev.evidence) anns.push({ s: at(ev.evidence.start), e: at(ev.evidence.end), layer: 'evid', cls: '', info, focusable: false, attrs: { 'data-ev': ev.id } });
      if (ev.trigger) anns.push({ s: at(ev.trigger.start), e: at(ev.trigger.end), layer: 'trig', cls: '', info, focusable: true, attrs: { 'data-trig': ev.id, 'data-ev': ev.id } });
    }
    for (const r of d.relations) {
      if (!r.evidence) continue;
      anns.push({ s: at(r.evidence.start), e: at(r.evidence.end), layer: 'rel', cls: '', info: addInfo(() => relationLines(r)), focusable: true });
    }
    for (const v of d.values) {
      anns.push({ s: at(v.start), e: at(v.end), layer: 'val', cls: `v-${v.kind}`, focusable: true, info: addInfo(() => [h('h3', null, v.text), field('Value', v.kind)]) });
    }
    const quote = p.get('quote');
    if (quote) {
      const qi = text.indexOf(quote);
      if (qi >= 0) anns.push({ s: qi, e: qi + quote.length, layer: 'quote', cls: '', focusable: false, info: addInfo(() => [h('h3', null, 'Quoted evidence'), h('p', null, 'The words of the link you followed.')]), attrs: { id: 'doc-quote' } });
    }

    const textEl = h('div', { class: 'doc-text', id: 'doc-text', lang: d.document.lang ?? '' });
    renderTree(buildTree(anns, text.length), text, textEl);
    this.wire(textEl);

    const meta = d.document;
    const url = safeUrl(meta.url);
    const layers: [string, string, string][] = [
      ['PER', 'people', `background:${KIND_COLOURS.PER}`],
      ['ORG', 'organisations', `background:${KIND_COLOURS.ORG}`],
      ['LOC', 'places', `background:${KIND_COLOURS.LOC}`],
      ['MISC', 'other names', `background:${KIND_COLOURS.MISC}`],
      ['trig', 'events', ''],
      ['val', 'dates and values', ''],
      ['rel', 'relations', ''],
    ];
    const toggles = h(
      'fieldset',
      { class: 'layers' },
      h('legend', null, 'Highlight'),
      layers.map(([k, label, style]) => {
        const box = h('input', { type: 'checkbox', id: `layer-${k}`, checked: true });
        box.addEventListener('change', () => this.toggleLayer(textEl, k, box.checked));
        return h('label', { for: `layer-${k}`, class: `layer-toggle lt-${k}` }, box, ' ', h('span', { class: `swatch round lt-swatch-${k}`, style: style || null }), ` ${label}`);
      }),
    );

    fill(
      this.docEl,
      h('h2', { class: 'doc-heading', id: 'doc-title' }, meta.title || '(untitled)'),
      h(
        'div',
        { class: 'meta' },
        [meta.published, meta.source, meta.byline && meta.byline !== meta.source ? `by ${meta.byline}` : null, meta.lang].filter(Boolean).join(' · '),
        url ? [' · ', h('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, 'original')] : meta.url ? ` · ${meta.url}` : '',
        ` · ${meta.id}`,
      ),
      toggles,
      textEl,
      this.summaryLists(d, focusButton, entityLink),
    );
    fill(this.details, h('p', { class: 'muted' }, 'Point at or tab to a highlight to see who, what, how sure and according to whom. Enter jumps here; Escape jumps back.'));

    const ev = p.get('ev');
    const ent = p.get('ent');
    if (ev) this.focusAnn('data-trig', ev);
    else if (ent) this.focusAnn('data-ent', ent);
    else if (quote) document.getElementById('doc-quote')?.scrollIntoView({ block: 'center' });
    else this.docEl.scrollTop = 0;
  }

  private summaryLists(
    d: FullDocument,
    focusButton: (attr: string, value: string, label: string) => Child,
    entityLink: (eid: string | null | undefined, name: string) => Child,
  ): HTMLElement {
    const kinds = ['PER', 'ORG', 'LOC', 'MISC'];
    return h(
      'section',
      { class: 'doc-summary', 'aria-label': 'In this document' },
      h('h3', null, 'In this document'),
      kinds.map((k) => {
        const ents = d.entities.filter((e) => e.kind === k);
        if (ents.length === 0) return null;
        return h(
          'div',
          { class: 'field' },
          h('span', { class: 'field-label' }, `${KIND_LABELS[k]} (${ents.length})`),
          ' ',
          join(ents.map((e) => h('span', null, focusButton('data-ent', e.id, e.name), ' ', h('span', { class: 'muted' }, '('), entityLink(e.id, 'graph'), h('span', { class: 'muted' }, ')')))),
        );
      }),
      d.events.length
        ? h(
            'div',
            { class: 'field' },
            h('span', { class: 'field-label' }, `Events (${d.events.length})`),
            ' ',
            join(d.events.map((ev) => focusButton('data-trig', ev.id, `${ev.type}${ev.place ? ` in ${ev.place.name}` : ''}`))),
          )
        : null,
    );
  }

  private toggleLayer(textEl: HTMLElement, layer: string, on: boolean): void {
    textEl.classList.toggle(`hide-${layer}`, !on);
    const sel = ['PER', 'ORG', 'LOC', 'MISC'].includes(layer) ? `mark.k-${layer}` : `mark.hl-${layer}`;
    for (const el of textEl.querySelectorAll<HTMLElement>(sel)) el.tabIndex = on ? 0 : -1;
  }

  private wire(textEl: HTMLElement): void {
    const show = (target: EventTarget | null) => {
      const el = (target as Element | null)?.closest?.('[data-ann]') as HTMLElement | null;
      if (!el || !textEl.contains(el)) return;
      this.showInfo(el, textEl);
    };
    textEl.addEventListener('mouseover', (e) => show(e.target));
    textEl.addEventListener('focusin', (e) => show(e.target));
    textEl.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      const el = (e.target as Element).closest('mark[data-ann]');
      if (!el) return;
      e.preventDefault();
      const first = this.details.querySelector<HTMLElement>('a, button');
      (first ?? this.details).focus();
    });
  }

  private showInfo(el: HTMLElement, textEl: HTMLElement): void {
    if (this.active === el) return;
    for (const old of textEl.querySelectorAll('.lit')) old.classList.remove('lit');
    this.active?.classList.remove('active');
    this.active = el;
    el.classList.add('active');
    const ev = el.dataset.trig;
    if (ev) for (const x of textEl.querySelectorAll(`[data-ev="${CSS.escape(ev)}"]`)) x.classList.add('lit');
    const info = this.infos[Number(el.dataset.ann)];
    fill(this.details, info ? info() : null);
  }

  private focusAnn(attr: string, value: string): void {
    const el = this.docEl.querySelector<HTMLElement>(`.doc-text mark[${attr}="${CSS.escape(value)}"]`);
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }
}
