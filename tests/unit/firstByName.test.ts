import fc from 'fast-check';
import { buildIndex, naturalCompare } from '../../src/core/datasetIndex.ts';
import { firstByName, recordOrder } from '../../src/core/order.ts';
import { AFRICAN_CSV, FETAL_CSV, plainRows } from './realCsv.ts';
import { africanRecord, fetalRecord } from './records.ts';

const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** The expectation by a full sort: natural order of the file name, ties by path. */
function sortedFirst(paths: readonly string[], count: number): string[] {
  return [...paths]
    .sort((a, b) => naturalCompare(nameOf(a), nameOf(b)) || naturalCompare(a, b))
    .slice(0, Math.max(0, count));
}

// Both published CSVs' images, in an order unlike either CSV's: every seventh first.
const fetal = plainRows(FETAL_CSV, ';')
  .slice(1)
  .map((row) => fetalRecord({ name: row[0] ?? '' }));
const african = plainRows(AFRICAN_CSV, ',')
  .slice(1)
  .map((row) => africanRecord({ name: row[4] ?? '', country: row[3] ?? '' }));
const records = [...fetal, ...african];
const shuffled = [...records.keys()].sort((a, b) => (a % 7) - (b % 7) || a - b);
const paths = shuffled.map((at) => records[at]?.path ?? '');

describe('firstByName', () => {
  it('finds the first screen of both published datasets as a full sort does', () => {
    const first = firstByName(paths, 30).map((at) => paths[at] ?? '');
    expect(first).toEqual(sortedFirst(paths, 30));
    expect(new Set(first.map(nameOf)).size).toBe(30);
  });

  it('guesses the first cells of the grid by name, before the index exists', () => {
    const index = buildIndex(records, () => true);
    const grid = [...recordOrder(index, 'name').slice(0, 30)].map((id) => records[id]?.path);
    expect(firstByName(paths, 30).map((at) => paths[at])).toEqual(grid);
  });

  it('agrees with a full sort on any paths and count, folders and case included', () => {
    const segment = fc.stringMatching(/^[A-Za-z]{1,3}[0-9]{0,3}$/);
    const path = fc
      .tuple(fc.constantFrom('', 'Images/', 'Egypt/', 'a/b/'), segment, segment)
      .map(([folder, a, b]) => `${folder}${a}_${b}.png`);
    fc.assert(
      fc.property(
        fc.array(path, { maxLength: 60 }),
        fc.integer({ min: -1, max: 70 }),
        (list, n) => {
          const first = firstByName(list, n).map((at) => list[at]);
          expect(first).toEqual(sortedFirst(list, n));
        },
      ),
    );
  });
});
