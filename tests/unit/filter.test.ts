import fc from 'fast-check';
import {
  FINDING_BIT,
  FINDING_LABEL,
  RECORD_FINDING_KINDS,
  type RecordFindingKind,
} from '../../src/core/audit/audit.ts';
import { buildIndex, setImageSize, type DatasetIndex } from '../../src/core/datasetIndex.ts';
import {
  EMPTY_FILTER,
  FACET_KEYS,
  type FacetKey,
  type FilterState,
} from '../../src/core/facets.ts';
import { evaluate, facetValues, refreshSizes, withoutEmpty } from '../../src/core/filter.ts';
import { normalizeQuery, queryMatches } from '../../src/core/query.ts';
import { tagMasks, type TagMasks } from '../../src/core/tags.ts';
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

/**
 * A facet's labels by code: the dictionary; for size the sizes as `W×H` in `sizes` order; for
 * finding the finding labels in RECORD_FINDING_KINDS order.
 */
function labelsOf(built: DatasetIndex, key: FacetKey, tags?: TagMasks): readonly string[] {
  if (key === 'finding') return RECORD_FINDING_KINDS.map((kind) => FINDING_LABEL[kind]);
  if (key === 'tag') return tags?.values ?? [];
  return key === 'size'
    ? built.sizes.map(({ width, height }) => `${width}×${height}`)
    : built.facets[key].values;
}

/** A finding mask as findingMasks writes it: the OR of the kinds' bits. */
const maskOf = (kinds: readonly RecordFindingKind[]) =>
  kinds.reduce((mask, kind) => mask | FINDING_BIT[kind], 0);

/** The count beside each label of a facet, as label -> count. */
function countsOf(
  built: DatasetIndex,
  counts: Record<FacetKey, Uint32Array>,
  key: FacetKey,
  tags?: TagMasks,
) {
  return Object.fromEntries(
    labelsOf(built, key, tags).map((label, code) => [label, counts[key][code] ?? 0]),
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

describe('evaluate (size)', () => {
  /** The records above, sizes set for some: ids 0, 1 and 4 800×600, 2 640×480, 3 and 5 unknown. */
  function sized() {
    const built = buildIndex(records, () => true);
    setImageSize(built, 4, 800, 600, 1);
    setImageSize(built, 2, 640, 480, 1);
    setImageSize(built, 0, 800, 600, 1);
    setImageSize(built, 1, 800, 600, 1);
    return built;
  }

  it('counts each size known so far, in the order of the index sizes', () => {
    const built = sized();
    const result = evaluate(built, EMPTY_FILTER);
    expect(built.sizes).toEqual([
      { width: 800, height: 600 },
      { width: 640, height: 480 },
    ]);
    expect([...result.counts.size]).toEqual([3, 1]);
  });

  it('keeps only images of a checked size; images of unknown size match none', () => {
    const built = sized();
    expect([...evaluate(built, filterOf({ size: ['800×600'] })).selection]).toEqual([0, 1, 4]);
    expect([...evaluate(built, filterOf({ size: ['800x600', '640×480'] })).selection]).toEqual([
      0, 1, 2, 4,
    ]);
    expect(evaluate(built, filterOf({ size: ['1024×768', 'big'] })).selection.length).toBe(0);
  });

  it('counts sizes without the size filter but with the others applied', () => {
    const built = sized();
    const result = evaluate(built, filterOf({ size: ['640×480'], plane: ['Fetal brain'] }));
    expect([...result.selection]).toEqual([2]);
    expect(countsOf(built, result.counts, 'size')).toEqual({ '800×600': 2, '640×480': 1 });
    expect(countsOf(built, result.counts, 'plane')).toEqual({
      'Fetal brain': 1,
      'Fetal femur': 0,
      Other: 0,
    });
  });

  it('sees sizes read after a first evaluation, and a size checked before it is known', () => {
    const built = buildIndex(records, () => true);
    const filter = filterOf({ size: ['500×400'] });
    expect(evaluate(built, filter).selection.length).toBe(0);
    setImageSize(built, 5, 500, 400, 1);
    expect([...evaluate(built, filter).selection]).toEqual([5]);
  });
});

describe('evaluate (finding)', () => {
  /** The kinds of finding of each record of `records`, by id. */
  const kinds: readonly (readonly RecordFindingKind[])[] = [
    ['exact-duplicate'],
    ['exact-duplicate', 'near-duplicate'],
    ['leakage'],
    [],
    ['near-duplicate', 'unusual-size'],
    [],
  ];
  const masks = Uint8Array.from(kinds, maskOf);
  const none = {
    'Missing image': 0,
    'Unreadable image': 0,
    'Patient in more than one split': 0,
    'Exact duplicate': 0,
    'Near duplicate': 0,
    'Unusual size': 0,
  };

  it('counts each kind over the selection, an image with two kinds under each', () => {
    const result = evaluate(index, EMPTY_FILTER, masks);
    expect(result.selection.length).toBe(6);
    expect(countsOf(index, result.counts, 'finding')).toEqual({
      ...none,
      'Patient in more than one split': 1,
      'Exact duplicate': 2,
      'Near duplicate': 2,
      'Unusual size': 1,
    });
  });

  it('keeps the images with any checked kind', () => {
    const filter = filterOf({ finding: ['Exact duplicate', 'Patient in more than one split'] });
    expect([...evaluate(index, filter, masks).selection]).toEqual([0, 1, 2]);
    const near = filterOf({ finding: ['Near duplicate'] });
    expect([...evaluate(index, near, masks).selection]).toEqual([1, 4]);
  });

  it('ANDs Finding with the other facets and the query', () => {
    const brain = filterOf({ finding: ['Near duplicate'], plane: ['Fetal brain'] });
    expect([...evaluate(index, brain, masks).selection]).toEqual([4]);
    const query = filterOf({ finding: ['Exact duplicate'] }, 'patient00001');
    expect([...evaluate(index, query, masks).selection]).toEqual([0, 1]);
    const none = filterOf({ finding: ['Exact duplicate'] }, 'egypt');
    expect(evaluate(index, none, masks).selection.length).toBe(0);
  });

  it('counts Finding with the other facets applied but not its own, and the others with it', () => {
    const filter = filterOf({ finding: ['Exact duplicate'], plane: ['Fetal brain'] });
    const result = evaluate(index, filter, masks);
    expect([...result.selection]).toEqual([0]);
    // The Fetal brain images are 0, 2 and 4.
    expect(countsOf(index, result.counts, 'finding')).toEqual({
      ...none,
      'Patient in more than one split': 1,
      'Exact duplicate': 1,
      'Near duplicate': 1,
      'Unusual size': 1,
    });
    // The exact duplicates are 0 (Fetal brain) and 1 (Fetal femur).
    expect(countsOf(index, result.counts, 'plane')).toEqual({
      'Fetal brain': 1,
      'Fetal femur': 1,
      Other: 0,
    });
  });

  it('sees no finding without masks: zero counts, and a checked kind keeps nothing', () => {
    const result = evaluate(index, EMPTY_FILTER);
    expect(result.selection.length).toBe(6);
    expect(countsOf(index, result.counts, 'finding')).toEqual(none);
    const checked = evaluate(index, filterOf({ finding: ['Exact duplicate'] }));
    expect(checked.selection.length).toBe(0);
    expect(countsOf(index, checked.counts, 'plane')).toEqual({
      'Fetal brain': 0,
      'Fetal femur': 0,
      Other: 0,
    });
  });

  it('matches nothing for an unknown label, and counts every kind as a near miss', () => {
    const filter = filterOf({ finding: ['exact-duplicate', 'Duplicate'] });
    const result = evaluate(index, filter, masks);
    expect(result.selection.length).toBe(0);
    expect(result.counts.finding).toEqual(evaluate(index, EMPTY_FILTER, masks).counts.finding);
  });

  it('reads records past the end of shorter masks as having no finding', () => {
    const short = masks.subarray(0, 2);
    expect([
      ...evaluate(index, filterOf({ finding: ['Near duplicate'] }), short).selection,
    ]).toEqual([1]);
    expect(countsOf(index, evaluate(index, EMPTY_FILTER, short).counts, 'finding')).toEqual({
      ...none,
      'Exact duplicate': 2,
      'Near duplicate': 1,
    });
  });
});

describe('refreshSizes', () => {
  it('keeps the selection array and recounts sizes when no size is checked', () => {
    const built = buildIndex(records, () => true);
    const filter = filterOf({ split: ['Train'] });
    const before = evaluate(built, filter);
    setImageSize(built, 0, 800, 600, 1);
    setImageSize(built, 2, 800, 600, 1);
    const after = refreshSizes(built, filter, before);
    expect(after.selection).toBe(before.selection);
    expect(after.counts.plane).toBe(before.counts.plane);
    // Record 2 is in the test split: only record 0 counts.
    expect([...after.counts.size]).toEqual([1]);
  });

  it('keeps the finding masks the evaluation was made with', () => {
    const built = buildIndex(records, () => true);
    const masks = Uint8Array.from([maskOf(['exact-duplicate']), 0, 0, maskOf(['leakage'])]);
    const unsized = refreshSizes(built, EMPTY_FILTER, evaluate(built, EMPTY_FILTER, masks));
    expect(unsized.findings).toBe(masks);
    const filter = filterOf({ size: ['800×600'], finding: ['Exact duplicate'] });
    const before = evaluate(built, filter, masks);
    setImageSize(built, 0, 800, 600, 1);
    setImageSize(built, 1, 800, 600, 1);
    const after = refreshSizes(built, filter, before);
    expect([...after.selection]).toEqual([0]);
    expect(countsOf(built, after.counts, 'finding')['Exact duplicate']).toBe(1);
  });

  it('evaluates again when a size is checked, since sizes change the selection', () => {
    const built = buildIndex(records, () => true);
    const filter = filterOf({ size: ['800×600'] });
    const before = evaluate(built, filter);
    setImageSize(built, 3, 800, 600, 1);
    expect([...refreshSizes(built, filter, before).selection]).toEqual([3]);
  });

  it('agrees with a fresh evaluation after any batch of sizes (property)', () => {
    fc.assert(
      fc.property(
        fc.array(recordArb, { maxLength: 30 }),
        filterArb,
        fc.array(fc.constantFrom(...vocab.size), { maxLength: 30 }),
        (all, filter, later) => {
          const built = indexOf(all);
          const masks = masksOf(all);
          const before = evaluate(built, filter, masks);
          later.forEach((size, id) => {
            const [width = 0, height = 0] = size.split('×').map(Number);
            setImageSize(built, id, width, height, 1);
          });
          const fresh = evaluate(built, filter, masks);
          const refreshed = refreshSizes(built, filter, before);
          expect([...refreshed.selection]).toEqual([...fresh.selection]);
          for (const key of FACET_KEYS) {
            expect([...refreshed.counts[key]]).toEqual([...fresh.counts[key]]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('facetValues', () => {
  it('gives a record facet its dictionary and counts as they are', () => {
    const result = evaluate(index, EMPTY_FILTER);
    const plane = facetValues(index, result, 'plane');
    expect(plane.values).toBe(index.facets.plane.values);
    expect(plane.counts).toBe(result.counts.plane);
  });

  it('lists every kind of finding in the audit order, zeros included, with its count', () => {
    const masks = Uint8Array.from([maskOf(['unusual-size', 'missing']), maskOf(['unusual-size'])]);
    const result = evaluate(index, EMPTY_FILTER, masks);
    const finding = facetValues(index, result, 'finding');
    expect(finding.values).toEqual([
      'Missing image',
      'Unreadable image',
      'Patient in more than one split',
      'Exact duplicate',
      'Near duplicate',
      'Unusual size',
    ]);
    expect([...finding.counts]).toEqual([1, 0, 0, 0, 0, 2]);
    expect(finding.counts).toBe(result.counts.finding);
  });

  it('lists sizes smallest area first, then narrowest, each with its count', () => {
    const built = buildIndex(records, () => true);
    const sizes: [number, number][] = [
      [800, 600],
      [600, 800],
      [640, 480],
      [1000, 700],
      [800, 600],
      [300, 1600],
    ];
    sizes.forEach(([width, height], id) => setImageSize(built, id, width, height, 1));
    const { values, counts } = facetValues(built, evaluate(built, EMPTY_FILTER), 'size');
    expect(values).toEqual(['640×480', '300×1600', '600×800', '800×600', '1000×700']);
    expect([...counts]).toEqual([1, 1, 1, 2, 1]);
  });

  it('leaves out sizes read after the evaluation, and is empty while no size is known', () => {
    const built = buildIndex(records, () => true);
    const result = evaluate(built, EMPTY_FILTER);
    expect(facetValues(built, result, 'size')).toEqual({ values: [], counts: new Uint32Array(0) });
    setImageSize(built, 0, 800, 600, 1);
    expect(facetValues(built, result, 'size').values).toEqual([]);
  });
});

describe('withoutEmpty', () => {
  const facet = { values: ['a', 'b', 'c', 'd'], counts: Uint32Array.from([0, 2, 0, 1]) };

  it('keeps the values counted at least once, and those checked whatever their count', () => {
    const shown = withoutEmpty(facet, ['c', 'z']);
    expect(shown.values).toEqual(['b', 'c', 'd']);
    expect([...shown.counts]).toEqual([2, 0, 1]);
    expect(withoutEmpty(facet, []).values).toEqual(['b', 'd']);
  });

  it('gives the same object back when it drops nothing', () => {
    expect(withoutEmpty(facet, ['a', 'c'])).toBe(facet);
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
interface Sized {
  readonly record: ImageRecord;
  /** `W×H`, or null while unknown. */
  readonly size: string | null;
  /** The kinds of finding the record is part of. */
  readonly findings: readonly RecordFindingKind[];
  /** The user's tags on it. */
  readonly tags: readonly string[];
}

/** The record's labels in a facet: none, one, or for finding one per kind. */
function labelsOfItem({ record, size, findings, tags }: Sized, key: FacetKey): readonly string[] {
  if (key === 'finding') return findings.map((kind) => FINDING_LABEL[kind]);
  if (key === 'tag') return tags;
  if (key === 'size') return size === null ? [] : [size];
  const label = key === 'dataset' ? DATASET_LABEL[record.dataset] : record[key];
  return label === null || label === '' ? [] : [label];
}

/** The finding masks of `all`, as many as `length` says (all of them by default). */
function masksOf(all: readonly Sized[], length = all.length): Uint8Array {
  return Uint8Array.from(all.slice(0, length), (item) => maskOf(item.findings));
}

function reference(all: readonly Sized[], filter: FilterState) {
  const query = filter.query.trim().toLowerCase();
  const inQuery = ({ record }: Sized) =>
    query === '' ||
    [
      record.name,
      record.path.split('/').pop() ?? '',
      record.patient,
      `${record.dataset}:${record.patient}`,
    ].some((text) => text.toLowerCase().includes(query));
  const inFacet = (item: Sized, key: FacetKey) => {
    // Sizes may be written with a plain x, as in a URL.
    const checked = (filter.facets[key] ?? []).map((v) =>
      key === 'size' ? v.replace('x', '×') : v,
    );
    return checked.length === 0 || labelsOfItem(item, key).some((l) => checked.includes(l));
  };
  const passesExcept = (item: Sized, skip: FacetKey | null) =>
    inQuery(item) && FACET_KEYS.every((key) => key === skip || inFacet(item, key));

  const selection = all.flatMap((item, id) => (passesExcept(item, null) ? [id] : []));
  const counts = Object.fromEntries(
    FACET_KEYS.map((key) => {
      const tally: Record<string, number> = {};
      for (const item of all) {
        if (!passesExcept(item, key)) continue;
        for (const label of labelsOfItem(item, key)) tally[label] = (tally[label] ?? 0) + 1;
      }
      return [key, tally];
    }),
  );
  return { selection, counts };
}

/** The index of `all`, with the known sizes set. */
function indexOf(all: readonly Sized[]): DatasetIndex {
  const built = buildIndex(
    all.map((item) => item.record),
    () => true,
  );
  all.forEach(({ size }, id) => {
    const [width = 0, height = 0] = size === null ? [] : size.split('×').map(Number);
    setImageSize(built, id, width, height, 1);
  });
  return built;
}

const vocab: Record<FacetKey, readonly string[]> = {
  dataset: ['FETAL_PLANES_DB', 'African planes'],
  plane: ['Fetal brain', 'Fetal femur', 'Other'],
  brainPlane: ['Trans-thalamic', 'Not A Brain'],
  operator: ['Op. 1', 'Op. 2', 'Other'],
  machine: ['Aloka', 'Other'],
  country: ['Spain', 'Egypt'],
  split: ['Train', 'Test', '2'],
  size: ['800×600', '640×480', '1000×700'],
  finding: RECORD_FINDING_KINDS.map((kind) => FINDING_LABEL[kind]),
  tag: ['exclude', 'check', 'blurry'],
};
/** Extra labels a filter may hold: absent from any index, a size as a URL writes it, a kind. */
const extra: Partial<Record<FacetKey, readonly string[]>> = {
  size: ['640x480', '1×1'],
  finding: ['near-duplicate'],
  tag: ['Exclude'],
};
const maybe = (values: readonly string[]) => fc.option(fc.constantFrom(...values), { nil: null });
const recordArb: fc.Arbitrary<Sized> = fc
  .record({
    african: fc.boolean(),
    patient: fc.integer({ min: 1, max: 30 }),
    plane: fc.constantFrom(...vocab.plane),
    brainPlane: maybe(vocab.brainPlane),
    operator: maybe(vocab.operator),
    machine: maybe(vocab.machine),
    country: fc.constantFrom(...vocab.country),
    split: fc.constantFrom(...vocab.split),
    size: maybe(vocab.size),
    findings: fc.oneof(
      { arbitrary: fc.constant([]), weight: 2 },
      { arbitrary: fc.subarray([...RECORD_FINDING_KINDS]), weight: 1 },
    ),
    tags: fc.oneof(
      { arbitrary: fc.constant([]), weight: 2 },
      { arbitrary: fc.subarray([...vocab.tag]), weight: 1 },
    ),
  })
  .map(({ african, patient, size, findings, tags, ...fields }) => ({
    size,
    findings,
    tags,
    record: african
      ? africanRecord({
          ...fields,
          name: `patient${patient}_EGY_plane0`,
          patient: `Egypt/${patient}`,
        })
      : fetalRecord({ ...fields, patient: String(patient) }),
  }));
const filterArb = fc.record({
  facets: fc.record(
    Object.fromEntries(
      FACET_KEYS.map((key) => [
        key,
        fc.subarray([...vocab[key], 'Absent', ...(extra[key] ?? [])], { minLength: 1 }),
      ]),
    ) as Record<FacetKey, fc.Arbitrary<string[]>>,
    { requiredKeys: [] },
  ),
  query: fc.constantFrom('', ' ', '1', '2', 'PATIENT0000', 'egypt/', 'fetal:1', 'plane0', 'zz'),
});

describe('evaluate (property)', () => {
  it('agrees with a naive reference on selection and counts', () => {
    // How many finding masks evaluate is given: all, fewer than the records, or none at all.
    const lengths = fc.oneof(
      { arbitrary: fc.constant(Infinity), weight: 3 },
      { arbitrary: fc.nat(40), weight: 1 },
      { arbitrary: fc.constant(null), weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 40 }), filterArb, lengths, (all, filter, n) => {
        const built = indexOf(all);
        const masks = n === null ? undefined : masksOf(all, n);
        const given = masks?.length ?? 0;
        const seen = all.map((item, id) => (id < given ? item : { ...item, findings: [] }));
        const tags = tagMasks(all.map((item) => item.tags));
        const result = evaluate(built, filter, masks, tags);
        const expected = reference(seen, filter);
        expect([...result.selection]).toEqual(expected.selection);
        for (const key of FACET_KEYS) {
          const nonZero = Object.entries(countsOf(built, result.counts, key, tags)).filter(
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
        const built = indexOf(all);
        const masks = masksOf(all);
        const tags = tagMasks(all.map((item) => item.tags));
        const result = evaluate(built, filter, masks, tags);
        for (const key of FACET_KEYS) {
          labelsOf(built, key, tags).forEach((label, code) => {
            const only = { ...filter, facets: { ...filter.facets, [key]: [label] } };
            const alone = evaluate(built, only, masks, tags).selection.length;
            expect(result.counts[key][code]).toBe(alone);
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
        const built = indexOf(all);
        for (const query of typed) {
          const filter = { facets: {}, query };
          expect([...evaluate(built, filter).selection]).toEqual(reference(all, filter).selection);
        }
      }),
      { numRuns: 200 },
    );
  });
});
