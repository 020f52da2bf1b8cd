// Colours and labels shared by the views.

export const TYPE_COLOURS: Record<string, string> = {
  ASSAULT: '#b2182b',
  COERCE: '#e66101',
  MOBILIZE: '#8c510a',
  THREATEN: '#d6604d',
  SANCTION: '#762a83',
  PROTEST: '#c51b7d',
  ACCUSE: '#9e6e00',
  REJECT: '#7f6a5a',
  REQUEST: '#35978f',
  RETREAT: '#5e8c31',
  AID: '#1a9850',
  COOPERATE: '#2166ac',
  CONCEDE: '#4d9221',
  SUPPORT: '#4393c3',
  CONSULT: '#5aae61',
  AGREE: '#01665e',
};

export function typeColour(type: string): string {
  return TYPE_COLOURS[type] ?? '#555555';
}

export const KIND_COLOURS: Record<string, string> = {
  PER: '#1f5fa8',
  ORG: '#b5312a',
  LOC: '#2b7a3a',
  MISC: '#7a4ea3',
};

export const KIND_LABELS: Record<string, string> = {
  PER: 'person',
  ORG: 'organisation',
  LOC: 'location',
  MISC: 'other',
};

/** How a place precision is described to a reader. */
export const PRECISION_LABELS: Record<string, string> = {
  city: 'town or city',
  admin2: 'district (admin2), not a town',
  admin1: 'state level (admin1), not a town',
  country: 'country level only',
  region: 'region (several countries)',
};

/** Marker shape class for a precision. */
export function precisionClass(precision: string | null | undefined): string {
  switch (precision) {
    case 'city':
    case 'admin2':
    case 'admin1':
    case 'country':
    case 'region':
      return `prec-${precision}`;
    default:
      return 'prec-region';
  }
}

/** "according to A, via B" from an attribution chain (innermost first). */
export function accordingTo(chain: { name: string }[] | null | undefined): string {
  if (!chain || chain.length === 0) return '';
  return `according to ${chain.map((a) => a.name).join(', via ')}`;
}
