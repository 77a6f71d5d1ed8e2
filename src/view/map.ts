// The report's map, drawn here in Node, offline: Natural Earth country shapes from the
// world-atlas package (TopoJSON), projected with d3-geo into SVG paths. The page gets the
// drawn map and each place's position on it; its script only adds and sizes the points.
//
// The view fits the places: the whole world when they are spread over it, else the region
// around them (an azimuthal equal-area projection centred on them, with finer shapes).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoAzimuthalEqualArea, geoBounds, geoContains, geoGraticule10, geoNaturalEarth1, geoPath, type GeoProjection } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, MultiPoint } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { escapeHtml } from './html.js';

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 540;

export interface MapPlace {
  lat: number;
  lon: number;
}

export interface DrawnMap {
  /** the map's SVG elements (sphere, graticule, countries, borders), without the <svg> element */
  svg: string;
  /** 'world' or 'region' */
  view: 'world' | 'region';
  /** each place's position on the map, or null when it falls outside the view */
  positions: Array<[number, number] | null>;
}

const require = createRequire(import.meta.url);
const atlases = new Map<string, Topology>();

function atlas(resolution: '110m' | '50m'): Topology {
  let topology = atlases.get(resolution);
  if (!topology) {
    topology = JSON.parse(readFileSync(require.resolve(`world-atlas/countries-${resolution}.json`), 'utf8')) as Topology;
    atlases.set(resolution, topology);
  }
  return topology;
}

/** The projection that shows these places: the world, or the region around them. */
function projectionFor(places: MapPlace[]): { projection: GeoProjection; view: 'world' | 'region' } {
  const extent: [[number, number], [number, number]] = [[14, 14], [MAP_WIDTH - 14, MAP_HEIGHT - 14]];
  // the world without Antarctica: the band from 58° S to 84° N, traced along its edges
  const world = () => {
    const edge: Array<[number, number]> = [];
    for (let lon = -180; lon <= 180; lon += 5) edge.push([lon, 84]);
    for (let lon = 180; lon >= -180; lon -= 5) edge.push([lon, -58]);
    return geoNaturalEarth1().fitExtent([[14, 4], [MAP_WIDTH - 14, MAP_HEIGHT - 4]], { type: 'MultiPoint', coordinates: edge });
  };
  if (places.length === 0) return { projection: world(), view: 'world' };
  const lons = places.map((p) => p.lon);
  const lats = places.map((p) => p.lat);
  const [west, east, south, north] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  if (east - west > 120 || north - south > 60) return { projection: world(), view: 'world' };
  const centre: [number, number] = [(west + east) / 2, (south + north) / 2];
  // at least 8° on each side of the centre, and a margin around the outermost places
  const half = Math.max(8, (Math.max(east - west, (north - south) * 1.6) / 2) * 1.25 + 2);
  const frame: MultiPoint = {
    type: 'MultiPoint',
    coordinates: [
      [centre[0] - half, centre[1]],
      [centre[0] + half, centre[1]],
      [centre[0], Math.max(-89, centre[1] - half / 1.6)],
      [centre[0], Math.min(89, centre[1] + half / 1.6)],
      ...places.map((p) => [p.lon, p.lat]),
    ],
  };
  const projection = geoAzimuthalEqualArea().rotate([-centre[0], -centre[1]]).fitExtent(extent, frame);
  projection.clipExtent([[0, 0], [MAP_WIDTH, MAP_HEIGHT]]);
  return { projection, view: 'region' };
}

/** The map for these places: SVG paths and where each place lies on it. */
export function drawMap(places: MapPlace[]): DrawnMap {
  const { projection, view } = projectionFor(places);
  const topology = atlas(view === 'world' ? '110m' : '50m');
  const object = topology.objects.countries as GeometryCollection<{ name?: string }>;
  const countries = feature(topology, object) as FeatureCollection<Geometry, { name?: string }>;
  const borders = mesh(topology, object, (a, b) => a !== b);
  const path = geoPath(projection).digits(1);

  // a country is tinted when one of the places lies in it
  const lit = new Set<Feature>();
  const boxes = countries.features.map((c) => geoBounds(c));
  const inBox = (i: number, lon: number, lat: number) => {
    const [[west, south], [east, north]] = boxes[i]!;
    if (lat < south || lat > north) return false;
    return west <= east ? lon >= west && lon <= east : lon >= west || lon <= east; // across the antimeridian
  };
  const seen = new Set<string>();
  for (const place of places) {
    const key = `${place.lon.toFixed(2)},${place.lat.toFixed(2)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const hit = countries.features.find((c, i) => inBox(i, place.lon, place.lat) && geoContains(c, [place.lon, place.lat]));
    if (hit) lit.add(hit);
  }
  const parts: string[] = [];
  parts.push(`<rect class="sphere" x="0" y="0" width="${MAP_WIDTH}" height="${MAP_HEIGHT}"/>`);
  parts.push(`<path class="graticule" d="${path(geoGraticule10()) ?? ''}"/>`);
  parts.push('<g class="countries">');
  for (const country of countries.features) {
    const d = path(country);
    if (!d) continue;
    const name = country.properties?.name ?? '';
    parts.push(`<path class="country${lit.has(country) ? ' lit' : ''}" d="${d}"><title>${escapeHtml(name)}</title></path>`);
  }
  parts.push('</g>');
  parts.push(`<path class="borders" d="${path(borders) ?? ''}"/>`);

  const positions = places.map((p): [number, number] | null => {
    const xy = projection([p.lon, p.lat]);
    if (!xy || !Number.isFinite(xy[0]) || !Number.isFinite(xy[1])) return null;
    if (xy[0] < 0 || xy[0] > MAP_WIDTH || xy[1] < 0 || xy[1] > MAP_HEIGHT) return null;
    return [Math.round(xy[0] * 10) / 10, Math.round(xy[1] * 10) / 10];
  });
  return { svg: parts.join(''), view, positions };
}
