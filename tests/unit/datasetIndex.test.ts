import {
  NONE,
  buildIndex,
  codeOf,
  facetLabel,
  patientKey,
  setImageSize,
  sizeCodeOf,
  sizeDisplayOrder,
} from '../../src/core/datasetIndex.ts';
import { africanRecord, fetalRecord } from './records.ts';

const records = [
  fetalRecord({
    patient: '12',
    plane: 'Other',
    operator: 'Other',
    machine: 'Aloka',
    split: 'Test',
  }),
  africanRecord({ country: 'Ghana', name: 'patient003_GHA_plane1', patient: 'Ghana/3' }),
  fetalRecord({
    patient: '1234',
    plane: 'Fetal brain',
    brainPlane: 'Trans-thalamic',
    operator: 'Op. 10',
    machine: 'Voluson S10',
  }),
  fetalRecord({ patient: '7', plane: 'Fetal abdomen', operator: 'Op. 2', machine: 'Other' }),
];
const files = new Set(records.slice(0, 3).map((record) => record.path));
const index = () => buildIndex(records, (path) => files.has(path));

describe('buildIndex', () => {
  it('puts FETAL_PLANES_DB first and Train before Test', () => {
    const { facets } = index();
    expect(facets.dataset.values).toEqual(['FETAL_PLANES_DB', 'African planes']);
    expect(facets.split.values).toEqual(['Train', 'Test']);
  });

  it('sorts other values naturally with Other and Not A Brain last', () => {
    const { facets } = index();
    expect(facets.plane.values).toEqual(['Fetal abdomen', 'Fetal brain', 'Other']);
    expect(facets.brainPlane.values).toEqual(['Trans-thalamic', 'Not A Brain']);
    expect(facets.operator.values).toEqual(['Op. 2', 'Op. 10', 'Other']);
    expect(facets.machine.values).toEqual(['Aloka', 'Voluson S10', 'Other']);
    expect(facets.country.values).toEqual(['Ghana', 'Spain']);
  });

  it('codes each record by its label, NONE where it has none', () => {
    const { facets } = index();
    expect([...facets.plane.codes]).toEqual([2, 0, 1, 0]);
    expect([...facets.operator.codes]).toEqual([2, NONE, 1, 0]);
    expect([...facets.machine.codes]).toEqual([0, NONE, 1, 2]);
    expect([...facets.brainPlane.codes]).toEqual([1, NONE, 0, 1]);
    expect([...facets.split.codes]).toEqual([1, 0, 0, 0]);
  });

  it('keeps dataset-qualified patient keys, FETAL_PLANES_DB first in natural order', () => {
    const { patients } = index();
    expect(patients.values).toEqual(['fetal:7', 'fetal:12', 'fetal:1234', 'african:Ghana/3']);
    expect([...patients.codes]).toEqual([1, 3, 2, 0]);
  });

  it('tells which images are in the folder', () => {
    expect([...index().present]).toEqual([1, 1, 1, 0]);
  });

  it('starts with no size known and keeps the records for display', () => {
    const built = index();
    expect(built.records).toBe(records);
    expect([...built.width, ...built.height, ...built.bytes, ...built.sizeCodes]).toEqual(
      new Array(16).fill(0),
    );
    expect([built.version, built.sizesKnown, built.sizes.length]).toEqual([0, 0, 0]);
  });

  it('lowercases file name and patient into the search text', () => {
    const search = index().search[2] ?? '';
    expect(search).toContain('patient01234_plane1_1_of_1.png');
    expect(search).toContain('fetal:1234');
    expect(index().search[1]).toContain('ghana/3');
  });

  it('treats an empty value as no value', () => {
    const built = buildIndex([fetalRecord({ operator: '' })], () => true);
    expect(built.facets.operator.values).toEqual([]);
    expect(built.facets.operator.codes[0]).toBe(NONE);
  });

  it('indexes no records', () => {
    const built = buildIndex([], () => true);
    expect(built.facets.plane.values).toEqual([]);
    expect(built.patients.codes.length).toBe(0);
  });
});

describe('setImageSize', () => {
  it('records a size, shares its code with equal sizes, and counts it once', () => {
    const built = index();
    expect(setImageSize(built, 0, 800, 600, 1000)).toBe(true);
    expect(setImageSize(built, 2, 800, 600, 2000)).toBe(true);
    expect(setImageSize(built, 3, 640, 480, 3000)).toBe(true);
    expect([...built.width]).toEqual([800, 0, 800, 640]);
    expect([...built.height]).toEqual([600, 0, 600, 480]);
    expect([...built.bytes]).toEqual([1000, 0, 2000, 3000]);
    expect(built.sizes).toEqual([
      { width: 800, height: 600 },
      { width: 640, height: 480 },
    ]);
    expect([...built.sizeCodes]).toEqual([1, 0, 1, 2]);
    expect([built.version, built.sizesKnown]).toEqual([3, 3]);
  });

  it('changes nothing for values already recorded or an id outside the index', () => {
    const built = index();
    setImageSize(built, 1, 500, 500, 10);
    expect(setImageSize(built, 1, 500, 500, 10)).toBe(false);
    expect(setImageSize(built, 4, 500, 500, 10)).toBe(false);
    expect(setImageSize(built, -1, 500, 500, 10)).toBe(false);
    expect([built.version, built.sizesKnown]).toEqual([1, 1]);
  });

  it('treats a zero or invalid dimension as unknown, and can forget a size', () => {
    const built = index();
    setImageSize(built, 0, 800, 600, 1000);
    setImageSize(built, 0, 0, 600, 1000);
    expect([built.width[0], built.height[0], built.sizeCodes[0]]).toEqual([0, 0, 0]);
    expect(built.sizesKnown).toBe(0);
    setImageSize(built, 1, Number.NaN, 2.5, 77);
    expect([built.sizeCodes[1], built.bytes[1], built.sizesKnown]).toEqual([0, 77, 0]);
    expect(built.version).toBe(3);
  });
});

describe('facetLabel', () => {
  it('gives the dataset its label and every other field as written', () => {
    const record = africanRecord();
    expect(facetLabel(record, 'dataset')).toBe('African planes');
    expect(facetLabel(record, 'country')).toBe('Egypt');
    expect(facetLabel(record, 'machine')).toBeNull();
  });
});

describe('patientKey', () => {
  it('qualifies the patient by its dataset', () => {
    expect(patientKey(fetalRecord({ patient: '42' }))).toBe('fetal:42');
    expect(patientKey(africanRecord({ patient: 'Malawi/42' }))).toBe('african:Malawi/42');
  });
});

describe('codeOf', () => {
  it('finds a label code, NONE for a label the index lacks', () => {
    const built = index();
    expect(codeOf(built, 'machine', 'Voluson S10')).toBe(1);
    expect(codeOf(built, 'machine', 'Voluson E8')).toBe(NONE);
  });
});

describe('sizeCodeOf', () => {
  it('finds a size read so far by its label, written with × or x; 0 otherwise', () => {
    const built = index();
    setImageSize(built, 0, 800, 600, 1);
    setImageSize(built, 1, 500, 500, 1);
    expect(sizeCodeOf(built, '500×500')).toBe(2);
    expect(sizeCodeOf(built, '800x600')).toBe(1);
    expect(sizeCodeOf(built, '600×800')).toBe(0);
    expect(sizeCodeOf(built, 'Aloka')).toBe(0);
  });
});

describe('sizeDisplayOrder', () => {
  it('orders size codes by area, then by width', () => {
    const built = index();
    setImageSize(built, 0, 800, 600, 1);
    setImageSize(built, 1, 600, 800, 1);
    setImageSize(built, 2, 400, 300, 1);
    setImageSize(built, 3, 1000, 10, 1);
    expect(sizeDisplayOrder(built)).toEqual([4, 3, 2, 1]);
  });
});
