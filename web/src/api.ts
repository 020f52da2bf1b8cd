// The JSON API of `tessera serve` (same origin): types and one fetch wrapper.

export type Kind = 'PER' | 'ORG' | 'LOC' | 'MISC';
export type Certainty = 'confirmed' | 'reported' | 'alleged' | 'denied';

export interface ListPage<T> {
  items: T[];
  limit?: number;
  offset?: number;
  next_offset?: number | null;
}

export interface Place {
  name: string;
  geonames_id?: number | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
  admin1: string | null;
  precision: string;
  feature?: string;
  entity?: string | null;
}

export interface Attribution {
  name: string;
  entity?: string | null;
}

export interface ClusterParty {
  entity: string | null;
  name: string;
  reports?: number;
}

export interface Report {
  document: string;
  event: string;
  source: string | null;
  published: string | null;
  certainty: Certainty | string;
  attribution: Attribution[];
  originator?: string;
}

export interface ClusterRecord {
  id: string;
  type: string;
  mode: string | null;
  contexts: string[];
  place: Place | null;
  date: { value: string | null; precision: string } | null;
  actors: ClusterParty[];
  recipients: ClusterParty[];
  fatalities: { best: number | null; values: number[] } | null;
  contradictions: unknown[];
  documents: string[];
  reports: Report[];
  corroboration: number;
  credibility: number;
  certainty: Certainty | string;
}

export interface AggregateGroup {
  key: string;
  country?: string | null;
  clusters: number;
  reports: number;
  fatalities: number;
  lat: number | null;
  lon: number | null;
}

export interface Aggregate {
  by: string;
  groups: AggregateGroup[];
}

export interface EntitySummary {
  id: string;
  kind: Kind;
  name: string;
  documents: number;
  first_seen: string | null;
  last_seen: string | null;
}

export interface ProfileRelation {
  predicate: string;
  direction: 'in' | 'out';
  other: { id: string | null; name: string };
  certainty: string;
  document: string;
  published: string | null;
  source: string | null;
  evidence: string;
}

export interface DocRef {
  id: string;
  title: string | null;
  published: string | null;
  source: string | null;
}

/** An entity's profile: `documents` is the count, `document_list` the documents. */
export interface Profile extends EntitySummary {
  document_list: DocRef[];
  country: string | null;
  names: { name: string; documents: number }[];
  roles: unknown[];
  relations: ProfileRelation[];
  clusters: { id: string; type: string; role: string; date: string | null; place: string | null; reports: number; corroboration: number }[];
}

export interface GraphNode {
  id: string;
  name: string;
  kind: Kind;
  documents: number;
}

export interface GraphEdge {
  source: string;
  target: string;
  via: 'relation' | 'role' | 'event' | string;
  label: string;
  cluster: string | null;
  document: string;
  evidence: string;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface Step {
  from: string;
  from_name: string;
  to: string;
  to_name: string;
  via: string;
  label: string;
  document: string;
  evidence: string;
}

export interface TimelineItem {
  date: string | null;
  kind: 'event' | 'role' | 'relation' | string;
  cluster?: string | null;
  summary: string;
  documents: string[];
  evidence?: string | null;
}

export interface DocumentMeta {
  id: string;
  title: string | null;
  published: string | null;
  source: string | null;
  lang: string | null;
}

export interface SearchHit extends DocumentMeta {
  snippet?: string;
  highlights?: [number, number][];
  score?: number;
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface DocEntity {
  id: string;
  kind: Kind;
  name: string;
  aliases: string[];
  alias_evidence?: { name: string; evidence: Span }[];
  roles: { title?: string | null; org?: string | null; evidence?: Span }[];
  unnamed: boolean;
  country?: string | null;
  place?: Place | null;
  mentions: Span[];
}

export interface DocEvent {
  id: string;
  type: string;
  mode: string | null;
  contexts: string[];
  actors: Attribution[];
  recipients: Attribution[];
  place: Place | null;
  date: { value: string | null; precision: string; text?: string } | null;
  fatalities?: number | null;
  certainty: string;
  attribution: Attribution[];
  trigger: Span | null;
  evidence: Span | null;
}

export interface DocRelation {
  subject: string;
  predicate: string;
  object: string;
  role?: string | null;
  evidence: Span | null;
  certainty: string;
  attribution: Attribution[];
}

export interface FullDocument {
  document: {
    id: string;
    title: string | null;
    published: string | null;
    source: string | null;
    byline?: string | null;
    lang: string | null;
    url: string | null;
    text: string;
  };
  entities: DocEntity[];
  events: DocEvent[];
  mentions: (Span & { kind: Kind })[];
  places: (Span & { place: Place })[];
  relations: DocRelation[];
  values: (Span & { kind: string })[];
  links?: { entities?: Record<string, string>; events?: Record<string, string> };
}

export interface Stats {
  documents: number;
  [k: string]: unknown;
}

/** An answer of the API's error shape, or a network failure. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Params = Record<string, string | number | null | undefined> | URLSearchParams;

let inFlight = 0;
function setBusy(delta: number): void {
  inFlight += delta;
  document.dispatchEvent(new CustomEvent('tessera:busy', { detail: inFlight }));
}

export function query(params?: Params): string {
  const q = new URLSearchParams();
  if (params instanceof URLSearchParams) {
    params.forEach((v, k) => {
      if (v !== '') q.append(k, v);
    });
  } else if (params) {
    for (const [k, v] of Object.entries(params)) {
      if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
    }
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** GET a JSON answer; throws ApiError with the API's error.message on 4xx/5xx. */
export async function get<T>(path: string, params?: Params): Promise<T> {
  setBusy(1);
  try {
    let res: Response;
    try {
      res = await fetch(path + query(params), { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    } catch (e) {
      throw new ApiError(`Network error: ${(e as Error).message}`, 'network', 0);
    }
    const body = await res.text();
    let json: unknown = null;
    try {
      json = body ? JSON.parse(body) : null;
    } catch {
      if (res.ok) throw new ApiError(`Bad JSON from ${path}`, 'bad_json', res.status);
    }
    if (!res.ok) {
      const err = (json as { error?: { code?: string; message?: string } } | null)?.error;
      throw new ApiError(err?.message ?? `${res.status} ${res.statusText}`, err?.code ?? 'http', res.status);
    }
    return json as T;
  } finally {
    setBusy(-1);
  }
}

/** Follow next_offset until `max` items or the end. */
export async function getAll<T>(path: string, params: URLSearchParams, max: number): Promise<{ items: T[]; more: boolean }> {
  const items: T[] = [];
  let offset = 0;
  for (;;) {
    const p = new URLSearchParams(params);
    p.set('limit', String(Math.min(1000, max - items.length)));
    p.set('offset', String(offset));
    const page = await get<ListPage<T>>(path, p);
    items.push(...page.items);
    if (page.next_offset === null || page.next_offset === undefined || page.items.length === 0) {
      return { items, more: false };
    }
    if (items.length >= max) return { items, more: true };
    offset = page.next_offset;
  }
}

export const enc = encodeURIComponent;
