// Unusual sizes: an image whose width and height few others of its country or machine share is
// often a screenshot, a crop or a file from elsewhere.

import { NONE, type DatasetIndex, type FacetColumn } from '../datasetIndex.ts';

/** A group is checked only when at least this many of its images have a known size. */
export const UNUSUAL_SIZE_MIN_GROUP = 20;
/** A size is rare when fewer than max(UNUSUAL_SIZE_MIN_IMAGES, share × known) images have it… */
export const UNUSUAL_SIZE_MIN_IMAGES = 2;
/** …with this share of the group's images of known size. */
export const UNUSUAL_SIZE_RARE_SHARE = 0.01;
/**
 * A group has a usual size only when the sizes that are not rare hold at least this share of its
 * images of known size; when they hold less, sizes vary too much in it for any to be unusual.
 */
export const UNUSUAL_SIZE_MIN_USUAL_SHARE = 0.9;

/** A width and height in pixels and how many images of a group have it. */
export interface SizeTally {
  readonly width: number;
  readonly height: number;
  readonly images: number;
}

/** A size that is rare within one country or one machine. */
export interface UnusualSize {
  readonly by: 'country' | 'machine';
  /** The country or machine. */
  readonly group: string;
  readonly width: number;
  readonly height: number;
  /** The images of the group with this size, in index order. */
  readonly ids: readonly number[];
  /** The group's images of known size. */
  readonly total: number;
  /** The group's most common size (the narrowest, then the lowest, on a tie). */
  readonly commonest: SizeTally;
}

/**
 * Takes an index; returns the sizes (width × height) that are rare within a country or within a
 * machine, read from the sizes known now (images of unknown size are ignored). A group (a
 * country, a machine; images without a machine are in none) is checked when it has at least
 * UNUSUAL_SIZE_MIN_GROUP images of known size, and a size is unusual in it when fewer than
 * max(UNUSUAL_SIZE_MIN_IMAGES, UNUSUAL_SIZE_RARE_SHARE × known) of them have it, it is not the
 * commonest, and the sizes that are not rare hold at least UNUSUAL_SIZE_MIN_USUAL_SHARE of the
 * known images. An image can be unusual in both its country and its machine. Countries first,
 * then machines, each in display order; within a group the rarest size first, then by width and
 * height. O(n + groups × sizes log sizes); never throws.
 */
export function findUnusualSizes(index: DatasetIndex): UnusualSize[] {
  return [
    ...unusualIn(index, index.facets.country, 'country'),
    ...unusualIn(index, index.facets.machine, 'machine'),
  ];
}

function unusualIn(index: DatasetIndex, facet: FacetColumn, by: UnusualSize['by']): UnusualSize[] {
  // Per group, per size code: the ids, in index order.
  const groups = facet.values.map(() => new Map<number, number[]>());
  for (let id = 0; id < index.records.length; id++) {
    const size = index.sizeCodes[id] ?? 0;
    const code = facet.codes[id] ?? NONE;
    const group = code === NONE ? undefined : groups[code];
    if (size === 0 || group === undefined) continue;
    const ids = group.get(size);
    if (ids === undefined) group.set(size, [id]);
    else ids.push(id);
  }

  return groups.flatMap((bySize, code) => {
    const tallies = [...bySize].map(([size, ids]) => {
      const { width = 0, height = 0 } = index.sizes[size - 1] ?? {};
      return { width, height, ids };
    });
    tallies.sort((a, b) => a.ids.length - b.ids.length || a.width - b.width || a.height - b.height);
    const total = tallies.reduce((sum, tally) => sum + tally.ids.length, 0);
    const top = tallies.reduce<(typeof tallies)[number] | undefined>(
      (best, tally) => (best === undefined || tally.ids.length > best.ids.length ? tally : best),
      undefined,
    );
    if (top === undefined || total < UNUSUAL_SIZE_MIN_GROUP) return [];

    const limit = Math.max(UNUSUAL_SIZE_MIN_IMAGES, UNUSUAL_SIZE_RARE_SHARE * total);
    const rare = tallies.filter((tally) => tally !== top && tally.ids.length < limit);
    const rareImages = rare.reduce((sum, tally) => sum + tally.ids.length, 0);
    if (total - rareImages < UNUSUAL_SIZE_MIN_USUAL_SHARE * total) return [];

    const group = facet.values[code] ?? '';
    const commonest = { width: top.width, height: top.height, images: top.ids.length };
    return rare.map(({ width, height, ids }) => ({
      by,
      group,
      width,
      height,
      ids,
      total,
      commonest,
    }));
  });
}
