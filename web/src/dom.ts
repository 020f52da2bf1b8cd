// Tiny DOM helpers. Everything that comes from the API goes into the page as text
// (createTextNode / textContent) or as an attribute value; nothing here ever parses HTML.

export type Child = Node | string | number | null | undefined | false | Child[];
type AttrValue = string | number | boolean | null | undefined | EventListener;
export type Attrs = Record<string, AttrValue>;

function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (Array.isArray(c)) append(parent, c);
    else if (c === null || c === undefined || c === false) continue;
    else if (c instanceof Node) parent.appendChild(c);
    else parent.appendChild(document.createTextNode(String(c)));
  }
}

function setAttrs(el: Element, attrs: Attrs | undefined): void {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (k === 'class') el.setAttribute('class', String(v));
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

/** Create an HTML element; string children become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs ?? undefined);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Create an SVG element; string children become text nodes. */
export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs ?? undefined);
  append(el, children);
  return el;
}

/** Replace all children of `el`. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** Only http(s) URLs may become links; anything else (javascript:, data:) stays text. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A small "key: value" line, omitted when the value is empty. */
export function field(label: string, value: Child): HTMLElement | null {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return null;
  }
  return h('div', { class: 'field' }, h('span', { class: 'field-label' }, label), ' ', h('span', { class: 'field-value' }, value));
}

/** Join nodes with a separator. */
export function join(items: Child[], sep: Child = ', '): Child[] {
  const out: Child[] = [];
  items.forEach((it, i) => {
    if (i > 0) out.push(typeof sep === 'string' ? sep : sep instanceof Node ? sep.cloneNode(true) : sep);
    out.push(it);
  });
  return out;
}
