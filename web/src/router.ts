// Hash routing: `#/view?key=value&...`. All state lives in the hash, so a view can be
// shared and reloaded, and Back/Forward walk through it.

export const VIEWS = ['map', 'graph', 'timeline', 'reader'] as const;
export type View = (typeof VIEWS)[number];

export interface Route {
  view: View;
  params: URLSearchParams;
}

export type ParamInit = URLSearchParams | Record<string, string | number | null | undefined>;

export function parse(hash: string = location.hash): Route {
  const raw = hash.replace(/^#\/?/, '');
  const qi = raw.indexOf('?');
  const path = (qi >= 0 ? raw.slice(0, qi) : raw).replace(/\/+$/, '');
  const params = new URLSearchParams(qi >= 0 ? raw.slice(qi + 1) : '');
  const view = (VIEWS as readonly string[]).includes(path) ? (path as View) : 'map';
  return { view, params };
}

function toParams(init: ParamInit): URLSearchParams {
  if (init instanceof URLSearchParams) {
    const out = new URLSearchParams();
    init.forEach((v, k) => {
      if (v !== '') out.append(k, v);
    });
    return out;
  }
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(init)) {
    if (v !== null && v !== undefined && v !== '') out.set(k, String(v));
  }
  return out;
}

/** The hash for a view with these parameters (empty values dropped). */
export function href(view: View, params: ParamInit = {}): string {
  const q = toParams(params).toString();
  return `#/${view}${q ? `?${q}` : ''}`;
}

/** Navigate (a new history entry unless the hash is unchanged). */
export function go(view: View, params: ParamInit = {}): void {
  const next = href(view, params);
  if (location.hash === next) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = next;
}

/** Navigate within the current view, changing only some parameters. */
export function update(changes: Record<string, string | number | null | undefined>): void {
  const { view, params } = parse();
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') params.delete(k);
    else params.set(k, String(v));
  }
  go(view, params);
}

export function onRoute(cb: (r: Route) => void): void {
  window.addEventListener('hashchange', () => cb(parse()));
}

/** What main.ts needs from each view: a root element, and a way to show a route. */
export interface ViewCtl {
  readonly el: HTMLElement;
  /** Render the route; rejects with an ApiError (shown in the banner) on failure. */
  show(params: URLSearchParams): Promise<void>;
  /** Called when another view is shown. */
  hide?(): void;
}
