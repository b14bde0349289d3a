import fc from 'fast-check';
import {
  NEAR_DUPLICATE_DEFAULT_BITS,
  NEAR_DUPLICATE_MAX_BITS,
  NEAR_DUPLICATE_MIN_BITS,
  findExactDuplicates,
  findNearDuplicates,
} from '../../src/core/audit/duplicates.ts';
import { buildIndex } from '../../src/core/datasetIndex.ts';
import type { ImageRecord } from '../../src/core/types.ts';
import { fetalRecord } from './records.ts';

const image = (patient: string, split = 'Train', plane = 'Other') =>
  fetalRecord({ patient, split, plane });
const indexOf = (records: readonly ImageRecord[]) => buildIndex(records, () => true);

describe('findExactDuplicates', () => {
  const records = [
    image('1'), // 0: a
    image('1'), // 1: a
    image('2'), // 2: b
    image('3', 'Test'), // 3: b
    image('4'), // 4: c
    image('5'), // 5: c
    image('6'), // 6: c
    image('6'), // 7: no hash yet
    image('6'), // 8: d, alone
    image('1'), // 9: a
    image('7'), // 10: e
    image('7', 'Test'), // 11: e
    image('8'), // 12: A, not a
    image('8'), // 13: '' (no hash)
    image('8'), // 14: past the hashes given
  ];
  const hashes = ['a', 'a', 'b', 'b', 'c', 'c', 'c', undefined, 'd', 'a', 'e', 'e', 'A', ''];
  const groups = findExactDuplicates(indexOf(records), hashes);

  it('groups equal hashes, flagged groups first, then larger, then by first id', () => {
    expect(groups).toEqual([
      { hash: 'c', ids: [4, 5, 6], crossSplit: false, crossPatient: true },
      { hash: 'b', ids: [2, 3], crossSplit: true, crossPatient: true },
      { hash: 'e', ids: [10, 11], crossSplit: true, crossPatient: false },
      { hash: 'a', ids: [0, 1, 9], crossSplit: false, crossPatient: false },
    ]);
  });

  it('finds nothing before any hash is known', () => {
    expect(findExactDuplicates(indexOf(records), [])).toEqual([]);
  });
});

/** A 64-bit hash with the given bits flipped. */
function flip(hash: bigint, ...bits: number[]): bigint {
  return bits.reduce((h, bit) => h ^ (1n << BigInt(bit)), hash);
}
const BASE = 0x0123456789abcdefn;

describe('findNearDuplicates', () => {
  it('states its default and range', () => {
    expect(NEAR_DUPLICATE_DEFAULT_BITS).toBe(6);
    expect([NEAR_DUPLICATE_MIN_BITS, NEAR_DUPLICATE_MAX_BITS]).toEqual([0, 12]);
  });

  it('links images within the threshold, bits across both 32-bit halves included', () => {
    const index = indexOf([image('1'), image('2', 'Test'), image('3')]);
    // Six bits apart, straddling bit 32; the third is 7 bits from the first.
    const hashes = [BASE, flip(BASE, 29, 30, 31, 32, 33, 34), flip(BASE, 0, 1, 2, 3, 4, 5, 63)];
    const near = findNearDuplicates(index, hashes);
    expect(near.bits).toBe(6);
    expect(near.crossPatient).toEqual([
      { ids: [0, 1], folds: [[0], [1]], patients: 2, crossSplit: true },
    ]);
    expect(near.crossPlane).toEqual([]);
    expect(near.samePatient).toEqual([]);

    const wider = findNearDuplicates(index, hashes, { bits: 7 });
    expect(wider.crossPatient.map((group) => group.ids)).toEqual([[0, 1, 2]]);
    const narrower = findNearDuplicates(index, hashes, { bits: 5 });
    expect(narrower.crossPatient).toEqual([]);
  });

  it('lists frames of one patient and plane apart from cross-patient clusters', () => {
    const index = indexOf([
      image('1'), // 0
      image('1'), // 1: one bit from 0
      image('2'), // 2: three bits from 1
      image('3', 'Train', 'Fetal femur'), // 3: far from all the others
      image('3', 'Train', 'Fetal femur'), // 4: two bits from 3
    ]);
    const far = ~BASE & 0xffffffffffffffffn;
    const hashes = [BASE, flip(BASE, 40), flip(BASE, 40, 41, 42, 43), far, flip(far, 7, 8)];
    const near = findNearDuplicates(index, hashes);
    expect(near.crossPatient).toEqual([
      { ids: [0, 1, 2], folds: [[0, 1], [2]], patients: 2, crossSplit: false },
    ]);
    expect(near.samePatient).toEqual([
      { ids: [0, 1], folds: [[0, 1]], patients: 1, crossSplit: false },
      { ids: [3, 4], folds: [[3, 4]], patients: 1, crossSplit: false },
    ]);
    expect(near.crossPlane).toEqual([]);
  });

  it('keeps a fold out of the same-patient list when only another patient links it', () => {
    // 0 and 2 are 8 bits apart, each 4 bits from 1 (another patient).
    const index = indexOf([image('1'), image('2'), image('1')]);
    const hashes = [BASE, flip(BASE, 0, 1, 2, 3), flip(BASE, 0, 1, 2, 3, 4, 5, 6, 7)];
    const near = findNearDuplicates(index, hashes);
    expect(near.crossPatient.map((group) => group.folds)).toEqual([[[0, 2], [1]]]);
    expect(near.samePatient).toEqual([]);
  });

  it('lists one patient over two planes as cross-plane', () => {
    const index = indexOf([image('1', 'Train', 'Fetal femur'), image('1', 'Test', 'Fetal thorax')]);
    const near = findNearDuplicates(index, [BASE, flip(BASE, 9)]);
    expect(near.crossPlane).toEqual([
      { ids: [0, 1], folds: [[0], [1]], patients: 1, crossSplit: true },
    ]);
    expect(near.crossPatient).toEqual([]);
    expect(near.samePatient).toEqual([]);
  });

  it('leaves exact duplicates to findExactDuplicates: only the first takes part', () => {
    const index = indexOf([image('1'), image('2'), image('3'), image('4')]);
    const hashes = [undefined, BASE, BASE, flip(BASE, 1)];
    const content = ['x', 'x', 'x', 'y'];
    // 0 has no perceptual hash, so 1 stands for the bytes 0, 1 and 2 share.
    const near = findNearDuplicates(index, hashes, { contentHashes: content });
    expect(near.crossPatient.map((group) => group.ids)).toEqual([[1, 3]]);

    const alone = findNearDuplicates(index, hashes.slice(0, 3), { contentHashes: content });
    expect(alone.crossPatient).toEqual([]);
    const unhashed = findNearDuplicates(index, hashes.slice(0, 3));
    expect(unhashed.crossPatient.map((group) => group.ids)).toEqual([[1, 2]]);
  });

  it('clamps the threshold into its range', () => {
    const index = indexOf([image('1')]);
    expect(findNearDuplicates(index, [BASE], { bits: 99 }).bits).toBe(12);
    expect(findNearDuplicates(index, [BASE], { bits: -3 }).bits).toBe(0);
    expect(findNearDuplicates(index, [BASE], { bits: 4.7 }).bits).toBe(4);
    expect(findNearDuplicates(index, [BASE], { bits: Number.NaN }).bits).toBe(6);
  });

  it('at 0 bits links equal perceptual hashes only', () => {
    const index = indexOf([image('1'), image('2'), image('3')]);
    const near = findNearDuplicates(index, [BASE, BASE, flip(BASE, 63)], { bits: 0 });
    expect(near.crossPatient.map((group) => group.ids)).toEqual([[0, 1]]);
  });

  it('orders groups across splits first, then larger, then by first id', () => {
    const far = (k: number) => BigInt.asUintN(64, BASE * BigInt(2 * k + 3) * 0x9e3779b97f4a7c15n);
    const index = indexOf([
      image('1'), // 0 \
      image('2'), // 1  } three, one split
      image('3'), // 2 /
      image('4'), // 3 \ two, one split
      image('5'), // 4 /
      image('6'), // 5 \ two, across splits
      image('7', 'Test'), // 6 /
    ]);
    const hashes = [far(0), far(0), far(0), far(1), far(1), far(2), far(2)];
    const near = findNearDuplicates(index, hashes);
    expect(near.crossPatient.map((group) => group.ids)).toEqual([
      [5, 6],
      [0, 1, 2],
      [3, 4],
    ]);
  });

  it('finds the one planted pair among 12,400 random hashes', () => {
    let state = 0x2545f4914f6cdd1dn;
    const next = () => {
      // xorshift64: spread-out hashes whose pairs are some 32 bits apart.
      state ^= BigInt.asUintN(64, state << 13n);
      state ^= state >> 7n;
      state ^= BigInt.asUintN(64, state << 17n);
      return state;
    };
    const records = Array.from({ length: 12_400 }, (_, id) => image(String(id)));
    const hashes = records.map(() => next());
    hashes[9_000] = flip(hashes[123] ?? 0n, 1, 20, 33, 47, 60, 62);
    const near = findNearDuplicates(indexOf(records), hashes);
    expect(near.crossPatient.map((group) => group.ids)).toEqual([[123, 9_000]]);
    expect(near.samePatient).toEqual([]);
  });

  it('groups as comparing every pair does', () => {
    const record = fc.record({ patient: fc.constantFrom('1', '2', '3'), planeB: fc.boolean() });
    const member = fc.record({
      record,
      flips: fc.array(fc.integer({ min: 0, max: 63 }), { maxLength: 8 }),
      hashed: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(member, { maxLength: 24 }),
        fc.integer({ min: 0, max: 12 }),
        (members, bits) => {
          const records = members.map(({ record: r }) =>
            image(r.patient, 'Train', r.planeB ? 'Fetal femur' : 'Other'),
          );
          const hashes = members.map((m) => (m.hashed ? flip(BASE, ...m.flips) : undefined));
          const near = findNearDuplicates(indexOf(records), hashes, { bits });
          const expected = bruteForce(records, hashes, bits);
          const ids = (groups: readonly { ids: readonly number[] }[]) =>
            groups.map((group) => group.ids).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
          expect(ids([...near.crossPatient, ...near.crossPlane])).toEqual(expected.clusters);
          expect(ids(near.samePatient)).toEqual(expected.folds);
        },
      ),
      { numRuns: 150 },
    );
  });
});

/** Every pair compared: clusters spanning two (patient, plane) folds, and linked folds. */
function bruteForce(
  records: readonly ImageRecord[],
  hashes: readonly (bigint | undefined)[],
  bits: number,
) {
  const fold = (id: number) => `${records[id]?.patient}/${records[id]?.plane}`;
  const all = records.map((_, id) => id);
  const same = records.map((_, id) => id);
  const root = (sets: number[], id: number): number => {
    const up = sets[id] ?? id;
    return up === id ? id : root(sets, up);
  };
  const join = (sets: number[], a: number, b: number) => {
    const [low, high] = [root(sets, a), root(sets, b)].sort((x, y) => x - y);
    sets[high ?? 0] = low ?? 0;
  };
  for (let a = 0; a < records.length; a++) {
    for (let b = a + 1; b < records.length; b++) {
      const ha = hashes[a];
      const hb = hashes[b];
      if (ha === undefined || hb === undefined) continue;
      const distance = [...(ha ^ hb).toString(2)].filter((bit) => bit === '1').length;
      if (distance > bits) continue;
      join(all, a, b);
      if (fold(a) === fold(b)) join(same, a, b);
    }
  }
  const groups = (sets: number[], keep: (ids: number[]) => boolean) => {
    const byRoot = new Map<number, number[]>();
    records.forEach((_, id) => {
      if (hashes[id] === undefined) return;
      byRoot.set(root(sets, id), [...(byRoot.get(root(sets, id)) ?? []), id]);
    });
    return [...byRoot.values()].filter((ids) => ids.length > 1 && keep(ids));
  };
  return {
    clusters: groups(all, (ids) => new Set(ids.map(fold)).size > 1),
    folds: groups(same, () => true),
  };
}
