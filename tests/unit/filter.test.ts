import fc from 'fast-check';
import { buildIndex, type DatasetIndex } from '../../src/core/datasetIndex.ts';
import {
  EMPTY_FILTER,
  FACET_KEYS,
  type FacetKey,
  type FilterState,
} from '../../src/core/facets.ts';
import { evaluate, normalizeQuery, queryMatches } from '../../src/core/filter.ts';
import { DATASET_LABEL, type ImageRecord } from '../../src/core/types.ts';
import { africanRecord, fetalRecord } from './records.ts';

const records = [
  fetalRecord({ patient: '1', plane: 'Fetal brain', brainPlane: 'Trans-thalamic' }),
  fetalRecord({ patient: '1', plane: 'Fetal femur', operator: 'Op. 2' }),
  fetalRecord({ patient: '1234', plane: 'Fetal brain', brainPlane: 'Other', split: 'Test' }),
  fetalRecord({ patient: '2', plane: 'Other', operator: 'Op. 2', machine: 'Aloka' }),
  africanRecord({ plane: 'Fetal brain', patient: 'Egypt/1' }),
  africanRecord({ plane: 'Fetal femur', country: 'Malawi', patient: 'Malawi/4', split: 'Test' }),
];
const index = buildIndex(records, () => true);
const filterOf = (facets: FilterState['facets'], query = ''): FilterState => ({ facets, query });

/** The count beside each label of a facet, as label -> count. */
function countsOf(built: DatasetIndex, counts: Record<FacetKey, Uint32Array>, key: FacetKey) {
  return Object.fromEntries(
    built.facets[key].values.map((label, code) => [label, counts[key][code] ?? 0]),
  );
}

describe('evaluate', () => {
  it('keeps every record for the empty filter and counts every label', () => {
    const result = evaluate(index, EMPTY_FILTER);
    expect([...result.selection]).toEqual([0, 1, 2, 3, 4, 5]);
    expect(result.total).toBe(6);
    expect(countsOf(index, result.counts, 'plane')).toEqual({
      'Fetal brain': 3,
      'Fetal femur': 2,
      Other: 1,
    });
    expect(countsOf(index, result.counts, 'operator')).toEqual({ 'Op. 1': 2, 'Op. 2': 2 });
  });

  it('ORs values within a facet and ANDs facets', () => {
    const result = evaluate(
      index,
      filterOf({ plane: ['Fetal brain', 'Fetal femur'], dataset: ['FETAL_PLANES_DB'] }),
    );
    expect([...result.selection]).toEqual([0, 1, 2]);
  });

  it('drops records with no value for a filtered facet', () => {
    const result = evaluate(index, filterOf({ operator: ['Op. 1', 'Op. 2'] }));
    expect([...result.selection]).toEqual([0, 1, 2, 3]);
  });

  it('matches nothing for a label the index does not hold', () => {
    const result = evaluate(index, filterOf({ machine: ['Voluson E8'] }));
    expect(result.selection.length).toBe(0);
    expect(countsOf(index, result.counts, 'machine')).toEqual({ 'Voluson E6': 3, Aloka: 1 });
    expect(countsOf(index, result.counts, 'plane')).toEqual({
      'Fetal brain': 0,
      'Fetal femur': 0,
      Other: 0,
    });
  });

  it('counts a facet without its own selection but with the others applied', () => {
    const result = evaluate(index, filterOf({ plane: ['Fetal brain'], split: ['Train'] }));
    expect([...result.selection]).toEqual([0, 4]);
    expect(countsOf(index, result.counts, 'plane')).toEqual({
      'Fetal brain': 2,
      'Fetal femur': 1,
      Other: 1,
    });
    expect(countsOf(index, result.counts, 'split')).toEqual({ Train: 2, Test: 1 });
    expect(countsOf(index, result.counts, 'country')).toEqual({ Egypt: 1, Malawi: 0, Spain: 1 });
  });

  it('ANDs the text query, case-insensitively, over file name and patient', () => {
    expect([...evaluate(index, filterOf({}, ' 1234 ')).selection]).toEqual([2]);
    expect([...evaluate(index, filterOf({}, 'PATIENT00001')).selection]).toEqual([0, 1]);
    expect([...evaluate(index, filterOf({}, 'malawi/4')).selection]).toEqual([5]);
    expect([...evaluate(index, filterOf({}, 'fetal:2')).selection]).toEqual([3]);
    const withFacet = evaluate(index, filterOf({ split: ['Test'] }, 'patient'));
    expect([...withFacet.selection]).toEqual([2, 5]);
    expect(countsOf(index, withFacet.counts, 'split')).toEqual({ Train: 4, Test: 2 });
  });
});

describe('queryMatches', () => {
  it('is null for a blank query', () => {
    expect(queryMatches(index, '  ')).toBeNull();
  });

  it('gives the same matches when a query narrows a cached one', () => {
    const fresh = buildIndex(records, () => true);
    const wide = [...(queryMatches(fresh, 'patient000') ?? [])];
    const narrow = [...(queryMatches(fresh, 'patient00002') ?? [])];
    expect(wide).toEqual([1, 1, 0, 1, 0, 0]);
    expect(narrow).toEqual([0, 0, 0, 1, 0, 0]);
  });
});

describe('normalizeQuery', () => {
  it('trims and lowercases', () => {
    expect(normalizeQuery('  Patient01 ')).toBe('patient01');
  });
});

// A naive reference over objects, written without the index.
function labelOf(record: ImageRecord, key: FacetKey): string | null {
  const label = key === 'dataset' ? DATASET_LABEL[record.dataset] : record[key];
  return label === '' ? null : label;
}

function reference(all: readonly ImageRecord[], filter: FilterState) {
  const query = filter.query.trim().toLowerCase();
  const inQuery = (record: ImageRecord) =>
    query === '' ||
    [
      record.name,
      record.path.split('/').pop() ?? '',
      record.patient,
      `${record.dataset}:${record.patient}`,
    ].some((text) => text.toLowerCase().includes(query));
  const inFacet = (record: ImageRecord, key: FacetKey) => {
    const checked = filter.facets[key] ?? [];
    const label = labelOf(record, key);
    return checked.length === 0 || (label !== null && checked.includes(label));
  };
  const passesExcept = (record: ImageRecord, skip: FacetKey | null) =>
    inQuery(record) && FACET_KEYS.every((key) => key === skip || inFacet(record, key));

  const selection = all.flatMap((record, id) => (passesExcept(record, null) ? [id] : []));
  const counts = Object.fromEntries(
    FACET_KEYS.map((key) => {
      const tally: Record<string, number> = {};
      for (const record of all) {
        const label = labelOf(record, key);
        if (label !== null && passesExcept(record, key)) tally[label] = (tally[label] ?? 0) + 1;
      }
      return [key, tally];
    }),
  );
  return { selection, counts };
}

const vocab: Record<FacetKey, readonly string[]> = {
  dataset: ['FETAL_PLANES_DB', 'African planes'],
  plane: ['Fetal brain', 'Fetal femur', 'Other'],
  brainPlane: ['Trans-thalamic', 'Not A Brain'],
  operator: ['Op. 1', 'Op. 2', 'Other'],
  machine: ['Aloka', 'Other'],
  country: ['Spain', 'Egypt'],
  split: ['Train', 'Test', '2'],
};
const maybe = (values: readonly string[]) => fc.option(fc.constantFrom(...values), { nil: null });
const recordArb = fc
  .record({
    african: fc.boolean(),
    patient: fc.integer({ min: 1, max: 30 }),
    plane: fc.constantFrom(...vocab.plane),
    brainPlane: maybe(vocab.brainPlane),
    operator: maybe(vocab.operator),
    machine: maybe(vocab.machine),
    country: fc.constantFrom(...vocab.country),
    split: fc.constantFrom(...vocab.split),
  })
  .map(({ african, patient, ...fields }) =>
    african
      ? africanRecord({
          ...fields,
          name: `patient${patient}_EGY_plane0`,
          patient: `Egypt/${patient}`,
        })
      : fetalRecord({ ...fields, patient: String(patient) }),
  );
const filterArb = fc.record({
  facets: fc.record(
    Object.fromEntries(
      FACET_KEYS.map((key) => [key, fc.subarray([...vocab[key], 'Absent'], { minLength: 1 })]),
    ) as Record<FacetKey, fc.Arbitrary<string[]>>,
    { requiredKeys: [] },
  ),
  query: fc.constantFrom('', ' ', '1', '2', 'PATIENT0000', 'egypt/', 'fetal:1', 'plane0', 'zz'),
});

describe('evaluate (property)', () => {
  it('agrees with a naive reference on selection and counts', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 40 }), filterArb, (all, filter) => {
        const built = buildIndex(all, () => true);
        const result = evaluate(built, filter);
        const expected = reference(all, filter);
        expect([...result.selection]).toEqual(expected.selection);
        for (const key of FACET_KEYS) {
          const nonZero = Object.entries(countsOf(built, result.counts, key)).filter(
            ([, count]) => count > 0,
          );
          expect(Object.fromEntries(nonZero)).toEqual(expected.counts[key]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('counts each label as the images seen with only it checked in its facet', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 30 }), filterArb, (all, filter) => {
        const built = buildIndex(all, () => true);
        const result = evaluate(built, filter);
        for (const key of FACET_KEYS) {
          built.facets[key].values.forEach((label, code) => {
            const only = { ...filter, facets: { ...filter.facets, [key]: [label] } };
            expect(result.counts[key][code]).toBe(evaluate(built, only).selection.length);
          });
        }
      }),
      { numRuns: 100 },
    );
  });

  it('agrees with the reference over a sequence of queries on one index', () => {
    const queries = fc.array(fc.constantFrom('p', 'pa', 'pat', 'patient0', '1', '12', 'e', 'eg'));
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 40 }), queries, (all, typed) => {
        const built = buildIndex(all, () => true);
        for (const query of typed) {
          const filter = { facets: {}, query };
          expect([...evaluate(built, filter).selection]).toEqual(reference(all, filter).selection);
        }
      }),
      { numRuns: 200 },
    );
  });
});
