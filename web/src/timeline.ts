// Timeline view: what happened over time for an entity, a place, or the shared filters:
// a weekly histogram (SVG) over a dated list.

import { get, type Profile, type TimelineItem } from './api';
import { fill, h, s, type Child } from './dom';
import { filterParams, withFilters } from './filters';
import { go, href, parse, type ViewCtl } from './router';

const DAY = 86_400_000;

/** Monday (UTC) of the week of an ISO date, as YYYY-MM-DD. */
export function weekOf(date: string): string | null {
  const t = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(t)) return null;
  const dow = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(t - dow * DAY).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

export class TimelineView implements ViewCtl {
  readonly el: HTMLElement;
  private heading: HTMLElement;
  private note: HTMLElement;
  private hist: HTMLElement;
  private list: HTMLElement;
  private entityInput: HTMLInputElement;
  private placeInput: HTMLInputElement;
  private kmInput: HTMLInputElement;
  private params = new URLSearchParams();
  private seq = 0;

  constructor() {
    this.entityInput = h('input', { type: 'text', id: 'tl-entity', name: 'entity', placeholder: 'name or E id', autocomplete: 'off' });
    this.placeInput = h('input', { type: 'text', id: 'tl-place', name: 'place', placeholder: 'e.g. Guerrero', autocomplete: 'off' });
    this.kmInput = h('input', { type: 'number', id: 'tl-km', name: 'km', min: '0', step: '5', size: '4', placeholder: '25' });
    const form = h(
      'form',
      { class: 'tl-form row', id: 'tl-form', 'aria-label': 'Timeline subject' },
      h('label', { for: 'tl-entity' }, 'Entity'),
      this.entityInput,
      h('span', { class: 'muted' }, 'or'),
      h('label', { for: 'tl-place' }, 'Place'),
      this.placeInput,
      h('label', { for: 'tl-km' }, 'within km'),
      this.kmInput,
      h('button', { type: 'submit' }, 'Show'),
      h('button', { type: 'button', onclick: () => this.navigate('', '', '') }, 'Use the filters only'),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.navigate(this.entityInput.value.trim(), this.placeInput.value.trim(), this.kmInput.value.trim());
    });
    this.heading = h('h2', { id: 'tl-heading' });
    this.note = h('p', { class: 'muted' });
    this.hist = h('div', { class: 'histogram', id: 'tl-histogram' });
    this.list = h('ol', { class: 'tl-list', id: 'tl-list' });
    this.el = h('section', { class: 'view view-timeline', id: 'view-timeline', 'aria-label': 'Timeline' }, form, this.heading, this.note, this.hist, this.list);
  }

  private navigate(entity: string, place: string, km: string): void {
    const { params } = parse();
    const set = (k: string, v: string) => (v ? params.set(k, v) : params.delete(k));
    set('entity', entity);
    set('place', entity ? '' : place);
    set('km', entity || !place ? '' : km);
    go('timeline', params);
  }

  async show(params: URLSearchParams): Promise<void> {
    this.params = params;
    const entity = params.get('entity') ?? '';
    const place = params.get('place') ?? '';
    const km = params.get('km') ?? '';
    this.entityInput.value = entity;
    this.placeInput.value = place;
    this.kmInput.value = km;
    const seq = ++this.seq;
    const filters = filterParams(params);

    // The shared filters narrow an entity's or a place's timeline too (the server applies
    // them: events to the clusters they select, roles and relations by date).
    const query = new URLSearchParams(filters);
    let title: string;
    if (entity) {
      query.set('entity', entity);
      title = `Timeline of ${entity}`;
    } else if (place) {
      query.set('place', place);
      if (km) query.set('km', km);
      title = `Timeline of ${place}${km ? ` (within ${km} km)` : ''}`;
    } else {
      title = filters.toString() ? 'Timeline of the events matching the filters' : 'Timeline of all events';
    }
    const [res, profile] = await Promise.all([
      get<{ items: TimelineItem[] }>('/api/timeline', query),
      entity ? get<Profile>(`/api/entities/${encodeURIComponent(entity)}`).catch(() => null) : Promise.resolve(null),
    ]);
    if (seq !== this.seq) return;
    if (profile) title = `Timeline of ${profile.name}`;
    const items = [...res.items].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
    this.heading.textContent = title;
    const narrowed = (entity || place) && filters.toString() ? ', narrowed by the filters' : '';
    this.note.textContent = `${items.length} item${items.length === 1 ? '' : 's'}${narrowed}.`;
    this.drawHistogram(items);
    this.drawList(items);
  }

  private drawHistogram(items: TimelineItem[]): void {
    const counts = new Map<string, { events: number; other: number }>();
    for (const it of items) {
      const w = it.date ? weekOf(it.date) : null;
      if (!w) continue;
      const c = counts.get(w) ?? { events: 0, other: 0 };
      if (it.kind === 'event') c.events++;
      else c.other++;
      counts.set(w, c);
    }
    if (counts.size === 0) {
      fill(this.hist, h('p', { class: 'muted' }, 'Nothing dated to draw.'));
      return;
    }
    const keys = [...counts.keys()].sort();
    const weeks: string[] = [];
    for (let w = keys[0]; w <= keys[keys.length - 1]; w = addDays(w, 7)) weeks.push(w);
    const W = 1000;
    const H = 130;
    const left = 34;
    const bottom = 22;
    const top = 8;
    const plotW = W - left - 8;
    const plotH = H - top - bottom;
    const max = Math.max(...[...counts.values()].map((c) => c.events + c.other));
    const bw = Math.min(plotW / weeks.length, 48);
    const y = (v: number) => top + plotH - (v / max) * plotH;
    const labelEvery = Math.max(1, Math.ceil(weeks.length / 8));
    const svg = s(
      'svg',
      { viewBox: `0 0 ${W} ${H}`, class: 'hist-svg', role: 'img', 'aria-label': `Items per week, ${weeks[0]} to ${weeks[weeks.length - 1]}, at most ${max} in a week` },
      s('line', { x1: left, x2: W - 8, y1: top + plotH, y2: top + plotH, class: 'axis' }),
      s('text', { x: left - 4, y: top + 8, class: 'tick', 'text-anchor': 'end' }, String(max)),
      s('text', { x: left - 4, y: top + plotH, class: 'tick', 'text-anchor': 'end' }, '0'),
      weeks.map((w, i) => {
        const c = counts.get(w) ?? { events: 0, other: 0 };
        const x = left + i * bw + Math.min(1, bw * 0.1);
        const width = Math.max(1, bw - Math.min(2, bw * 0.2));
        const total = c.events + c.other;
        const g = s(
          'g',
          { class: 'bar-group', 'data-week': w, tabindex: total ? 0 : null, role: total ? 'button' : null, 'aria-label': total ? `Week of ${w}: ${total}` : null },
          s('title', null, `Week of ${w}: ${c.events} event${c.events === 1 ? '' : 's'}, ${c.other} other`),
          total ? s('rect', { class: 'bar bar-other', x, width, y: y(total), height: y(c.events) - y(total) }) : null,
          c.events ? s('rect', { class: 'bar bar-event', x, width, y: y(c.events), height: top + plotH - y(c.events) }) : null,
          i % labelEvery === 0 ? s('text', { x: x + width / 2, y: H - 6, class: 'tick', 'text-anchor': 'middle' }, w.slice(5)) : null,
        );
        if (total) {
          const jump = () => this.jumpTo(w);
          g.addEventListener('click', jump);
          g.addEventListener('keydown', (e) => {
            if ((e as KeyboardEvent).key === 'Enter' || (e as KeyboardEvent).key === ' ') {
              e.preventDefault();
              jump();
            }
          });
        }
        return g;
      }),
    );
    fill(
      this.hist,
      svg,
      h('div', { class: 'hist-legend muted' }, h('span', { class: 'swatch bar-event-swatch' }), ' events ', h('span', { class: 'swatch bar-other-swatch' }), ' roles and relations · one bar a week (Monday), ', `${weeks[0]} to ${weeks[weeks.length - 1]}`),
    );
  }

  private jumpTo(week: string): void {
    const li = this.list.querySelector<HTMLElement>(`li[data-week="${week}"]`);
    if (li) {
      li.scrollIntoView({ block: 'start' });
      li.focus();
    }
  }

  private drawList(items: TimelineItem[]): void {
    const p = this.params;
    fill(
      this.list,
      items.map((it) =>
        h(
          'li',
          { class: `tl-item tl-${it.kind}`, 'data-week': it.date ? weekOf(it.date) : null, tabindex: -1 },
          h('time', { datetime: it.date ?? '' }, it.date ?? 'undated'),
          h('span', { class: `badge badge-${it.kind}` }, it.kind),
          h('span', { class: 'tl-summary' }, it.summary),
          it.evidence ? h('blockquote', null, it.evidence) : null,
          h(
            'span',
            { class: 'links' },
            it.cluster ? h('a', { href: href('map', withFilters(p, { cluster: it.cluster, counts: p.get('counts') })) }, `Event ${it.cluster} on the map`) : null,
            it.documents.map((d, i): Child[] => [
              it.cluster || i > 0 ? ' · ' : '',
              h('a', { href: href('reader', withFilters(p, { doc: d, quote: it.evidence ?? null })) }, it.documents.length > 1 ? `Read report ${i + 1}` : 'Read the report'),
            ]),
          ),
        ),
      ),
    );
  }
}
