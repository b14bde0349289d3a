import {
  UNUSUAL_SIZE_MIN_GROUP,
  UNUSUAL_SIZE_MIN_IMAGES,
  UNUSUAL_SIZE_MIN_USUAL_SHARE,
  UNUSUAL_SIZE_RARE_SHARE,
  findUnusualSizes,
} from '../../src/core/audit/sizes.ts';
import { buildIndex, setImageSize } from '../../src/core/datasetIndex.ts';
import type { ImageRecord } from '../../src/core/types.ts';
import { africanRecord, fetalRecord } from './records.ts';

type Sized = readonly [ImageRecord, number, number];
const times = (count: number, row: Sized): Sized[] => Array.from({ length: count }, () => row);

function sizedIndex(rows: readonly Sized[]) {
  const index = buildIndex(
    rows.map(([record]) => record),
    () => true,
  );
  rows.forEach(([, width, height], id) => setImageSize(index, id, width, height, 1000));
  return index;
}

describe('findUnusualSizes', () => {
  it('states its rule', () => {
    expect(UNUSUAL_SIZE_MIN_GROUP).toBe(20);
    expect(UNUSUAL_SIZE_MIN_IMAGES).toBe(2);
    expect(UNUSUAL_SIZE_RARE_SHARE).toBe(0.01);
    expect(UNUSUAL_SIZE_MIN_USUAL_SHARE).toBe(0.9);
  });

  it('finds a size one image of a country and of a machine has', () => {
    const e6 = fetalRecord({ machine: 'Voluson E6' });
    const aloka = fetalRecord({ machine: 'Aloka' });
    const rows = [
      ...times(25, [e6, 800, 600]), // 0-24
      [e6, 640, 480] as const, // 25
      ...times(5, [aloka, 800, 600]), // 26-30: Aloka has too few images to be checked
      [aloka, 1024, 768] as const, // 31
    ];
    // Spain: 32 known, limit max(2, 0.32): 640×480 and 1024×768 (one each) are rare.
    expect(findUnusualSizes(sizedIndex(rows))).toEqual([
      {
        by: 'country',
        group: 'Spain',
        width: 640,
        height: 480,
        ids: [25],
        total: 32,
        commonest: { width: 800, height: 600, images: 30 },
      },
      {
        by: 'country',
        group: 'Spain',
        width: 1024,
        height: 768,
        ids: [31],
        total: 32,
        commonest: { width: 800, height: 600, images: 30 },
      },
      {
        by: 'machine',
        group: 'Voluson E6',
        width: 640,
        height: 480,
        ids: [25],
        total: 26,
        commonest: { width: 800, height: 600, images: 25 },
      },
    ]);
  });

  it('calls a size rare under 1% of a large group, rarest first', () => {
    const ghana = africanRecord({ country: 'Ghana', patient: 'Ghana/1' });
    const rows = [
      ...times(290, [ghana, 1000, 700]), // 0-289
      ...times(5, [ghana, 900, 700]), // 290-294
      ...times(3, [ghana, 640, 480]), // 295-297: 3 is not under max(2, 3)
      ...times(2, [ghana, 1200, 900]), // 298-299
    ];
    const found = findUnusualSizes(sizedIndex(rows));
    expect(found.map(({ group, width, height, ids }) => [group, width, height, ids])).toEqual([
      ['Ghana', 1200, 900, [298, 299]],
    ]);
    expect(found[0]?.total).toBe(300);
  });

  it('lists a group rarest size first, then by width', () => {
    const egypt = africanRecord();
    const rows = [
      ...times(200, [egypt, 500, 400]), // 0-199, limit max(2, 2.04) = 2.04
      [egypt, 700, 500] as const, // 200
      [egypt, 600, 450] as const, // 201
      ...times(2, [egypt, 300, 300]), // 202-203
      [egypt, 600, 300] as const, // 204
    ];
    const found = findUnusualSizes(sizedIndex(rows));
    expect(found.map(({ width, height, ids }) => [width, height, ids])).toEqual([
      [600, 300, [204]],
      [600, 450, [201]],
      [700, 500, [200]],
      [300, 300, [202, 203]],
    ]);
  });

  it('ignores images of unknown size and groups with too few known', () => {
    const egypt = africanRecord();
    const rows = [
      ...times(UNUSUAL_SIZE_MIN_GROUP - 2, [egypt, 500, 400]),
      [egypt, 300, 300] as const,
      ...times(10, [egypt, 0, 0]),
    ];
    expect(findUnusualSizes(sizedIndex(rows))).toEqual([]);
    const one = [...rows, [egypt, 500, 400] as const];
    expect(findUnusualSizes(sizedIndex(one)).map((found) => found.ids)).toEqual([
      [UNUSUAL_SIZE_MIN_GROUP - 2],
    ]);
  });

  it('finds nothing in a group whose sizes vary too much to have a usual one', () => {
    const malawi = africanRecord({ country: 'Malawi', patient: 'Malawi/1' });
    // 26 of 40 share a size: the 14 others, each alone, are over 10% of the group.
    const rows = [
      ...times(26, [malawi, 800, 600]),
      ...Array.from({ length: 14 }, (_, i): Sized => [malawi, 500 + i, 400]),
    ];
    expect(findUnusualSizes(sizedIndex(rows))).toEqual([]);
    // 36 of 40: the 4 others are 10%, so the group has a usual size.
    const settled = [
      ...times(36, [malawi, 800, 600]),
      ...Array.from({ length: 4 }, (_, i): Sized => [malawi, 500 + i, 400]),
    ];
    expect(findUnusualSizes(sizedIndex(settled)).map((found) => found.ids)).toEqual([
      [36],
      [37],
      [38],
      [39],
    ]);
  });
});
