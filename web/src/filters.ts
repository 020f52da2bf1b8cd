// The shared filter bar: the event filters of the API, kept in the URL hash query.

import { h } from './dom';
import { go, parse } from './router';

export const FILTER_KEYS = ['since', 'until', 'type', 'country', 'admin1', 'min_certainty', 'min_corroboration', 'q'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

// PLOVER event types, as the API spells them (crates/doc EventType::ALL), most violent first.
export const EVENT_TYPES = [
  'ASSAULT', 'COERCE', 'MOBILIZE', 'THREATEN', 'SANCTION', 'PROTEST', 'ACCUSE', 'REJECT',
  'REQUEST', 'RETREAT', 'AID', 'COOPERATE', 'CONCEDE', 'SUPPORT', 'CONSULT', 'AGREE',
];

export const CERTAINTIES = ['confirmed', 'reported', 'alleged', 'denied'];

/** Only the filter parameters of a route (for API calls and for links between views). */
export function filterParams(params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) out.set(k, v);
  }
  return out;
}

/** Filter parameters plus extra ones, for a link to another view that keeps the filters. */
export function withFilters(params: URLSearchParams, extra: Record<string, string | null | undefined>): URLSearchParams {
  const out = filterParams(params);
  for (const [k, v] of Object.entries(extra)) if (v) out.set(k, v);
  return out;
}

type Control = HTMLInputElement | HTMLSelectElement;

export class FilterBar {
  readonly el: HTMLFormElement;
  private controls = new Map<FilterKey, Control>();

  constructor() {
    const c = this.controls;
    const input = (key: FilterKey, attrs: Record<string, string>) => {
      const el = h('input', { id: `f-${key}`, name: key, ...attrs });
      c.set(key, el);
      return el;
    };
    const select = (key: FilterKey, options: [string, string][]) => {
      const el = h('select', { id: `f-${key}`, name: key }, options.map(([v, label]) => h('option', { value: v }, label)));
      c.set(key, el);
      return el;
    };
    const labelled = (key: FilterKey, text: string, control: Control, cls = '') =>
      h('div', { class: `fb-item ${cls}` }, h('label', { for: `f-${key}` }, text), control);

    this.el = h(
      'form',
      { class: 'filterbar', role: 'search', 'aria-label': 'Filters', id: 'filterbar' },
      labelled('since', 'Since', input('since', { type: 'date' })),
      labelled('until', 'Until', input('until', { type: 'date' })),
      labelled('type', 'Type', select('type', [['', 'any type'], ...EVENT_TYPES.map((t): [string, string] => [t, t])])),
      labelled('country', 'Country', input('country', { type: 'text', size: '3', maxlength: '2', placeholder: 'MX', pattern: '[A-Za-z]{2}', title: 'ISO 3166 two-letter code', autocomplete: 'off' }), 'narrow'),
      labelled('admin1', 'State (admin1)', input('admin1', { type: 'text', size: '12', placeholder: 'e.g. Sinaloa', autocomplete: 'off' })),
      labelled('min_certainty', 'Min certainty', select('min_certainty', [['', 'any'], ...CERTAINTIES.map((t): [string, string] => [t, t])])),
      labelled('min_corroboration', 'Min sources', input('min_corroboration', { type: 'number', min: '1', step: '1', size: '3', placeholder: '1' }), 'narrow'),
      labelled('q', 'Words', input('q', { type: 'search', size: '16', placeholder: 'full-text search', autocomplete: 'off' }), 'grow'),
      h('div', { class: 'fb-actions' },
        h('button', { type: 'submit', class: 'primary' }, 'Apply'),
        h('button', { type: 'button', id: 'f-reset', onclick: () => this.reset() }, 'Clear'),
      ),
    );
    this.el.addEventListener('submit', (e) => {
      e.preventDefault();
      this.apply();
    });
  }

  /** Show the route's filter values in the controls. */
  set(params: URLSearchParams): void {
    for (const [k, el] of this.controls) el.value = params.get(k) ?? '';
  }

  values(): URLSearchParams {
    const out = new URLSearchParams();
    for (const [k, el] of this.controls) {
      let v = el.value.trim();
      if (k === 'country') v = v.toUpperCase();
      if (v) out.set(k, v);
    }
    return out;
  }

  /** Put the control values into the URL, keeping the view's own parameters. */
  apply(): void {
    const { view, params } = parse();
    for (const k of FILTER_KEYS) params.delete(k);
    params.delete('offset');
    this.values().forEach((v, k) => params.set(k, v));
    go(view, params);
  }

  reset(): void {
    for (const el of this.controls.values()) el.value = '';
    this.apply();
  }
}
