// Countries as ACLED writes them: the ISO 3166 numeric code in `iso`, the common English name
// in `country`, and one of ACLED's regions in `region`. The codes and names come from the
// world-countries package (mledoze/countries, ODbL); ACLED's regions follow the UN M49
// subregions that package carries, with the departures ACLED makes: the Caucasus goes with
// Central Asia, Iran with the Middle East, Cyprus with Europe, South Sudan with Eastern Africa,
// Mexico with Central America, and Angola, Madagascar, Malawi, Mozambique, Zambia and Zimbabwe
// with Southern Africa.
import { createRequire } from 'node:module';

interface WorldCountry {
  cca3: string;
  ccn3: string;
  region: string;
  subregion: string;
  name: { common: string };
}

export interface AcledCountry {
  /** ISO 3166-1 numeric, as a number (ACLED writes 4 for Afghanistan) */
  iso: number | null;
  country: string;
  region: string | null;
}

const SUBREGION: Record<string, string> = {
  'Western Africa': 'Western Africa',
  'Middle Africa': 'Middle Africa',
  'Eastern Africa': 'Eastern Africa',
  'Southern Africa': 'Southern Africa',
  'Northern Africa': 'Northern Africa',
  'Southern Asia': 'South Asia',
  'South-Eastern Asia': 'Southeast Asia',
  'Eastern Asia': 'East Asia',
  'Western Asia': 'Middle East',
  'Central Asia': 'Caucasus and Central Asia',
  'Central America': 'Central America',
  'South America': 'South America',
  Caribbean: 'Caribbean',
  'North America': 'North America',
};

const DEPARTURES: Record<string, string> = {
  ARM: 'Caucasus and Central Asia', AZE: 'Caucasus and Central Asia', GEO: 'Caucasus and Central Asia',
  IRN: 'Middle East', CYP: 'Europe', SSD: 'Eastern Africa', MEX: 'Central America',
  AGO: 'Southern Africa', MDG: 'Southern Africa', MWI: 'Southern Africa', MOZ: 'Southern Africa', ZMB: 'Southern Africa', ZWE: 'Southern Africa',
};

function acledRegion(c: WorldCountry): string | null {
  if (DEPARTURES[c.cca3]) return DEPARTURES[c.cca3]!;
  if (c.region === 'Europe') return 'Europe';
  if (c.region === 'Oceania') return 'Oceania';
  if (c.region === 'Antarctic') return 'Antarctica';
  return SUBREGION[c.subregion] ?? null;
}

let table: Map<string, AcledCountry> | null = null;

/** ACLED's iso, country and region for an ISO 3166-1 alpha-3 code (null for an unknown code). */
export function acledCountry(iso3: string | null | undefined): AcledCountry | null {
  if (!iso3) return null;
  if (!table) {
    const list = createRequire(import.meta.url)('world-countries') as WorldCountry[];
    table = new Map(list.map((c) => [c.cca3, { iso: /^\d+$/.test(c.ccn3) ? Number(c.ccn3) : null, country: c.name.common, region: acledRegion(c) }]));
  }
  return table.get(iso3) ?? null;
}
