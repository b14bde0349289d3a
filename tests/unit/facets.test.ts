import fc from 'fast-check';
import { FINDING_LABEL, RECORD_FINDING_KINDS } from '../../src/core/audit/audit.ts';
import {
  EMPTY_FILTER,
  FACETS,
  FACET_KEYS,
  RECORD_FACET_KEYS,
  clearFilter,
  filterFromParams,
  filterToParams,
  isEmptyFilter,
  isSelected,
  parseSizeLabel,
  selectedValues,
  setQuery,
  sizeLabel,
  toggleValue,
  type FilterState,
} from '../../src/core/facets.ts';

describe('FACETS', () => {
  it('lists the facets in panel order with their legends', () => {
    expect(FACETS.map((facet) => [facet.key, facet.legend])).toEqual([
      ['dataset', 'Dataset'],
      ['plane', 'Plane'],
      ['brainPlane', 'Brain plane'],
      ['operator', 'Operator'],
      ['machine', 'Machine'],
      ['country', 'Country'],
      ['split', 'Split'],
      ['size', 'Size'],
      ['finding', 'Finding'],
      ['tag', 'Tag'],
    ]);
  });

  it('holds every facet but size, finding and tag as a column of the index', () => {
    expect(RECORD_FACET_KEYS).toEqual([
      'dataset',
      'plane',
      'brainPlane',
      'operator',
      'machine',
      'country',
      'split',
    ]);
  });
});

describe('parseSizeLabel', () => {
  it('reads W×H, WxH and WXH', () => {
    expect(parseSizeLabel('800×600')).toEqual({ width: 800, height: 600 });
    expect(parseSizeLabel('800x600')).toEqual({ width: 800, height: 600 });
    expect(parseSizeLabel('800X600')).toEqual({ width: 800, height: 600 });
  });

  it('is null for anything but two positive whole numbers below 2^32', () => {
    for (const text of ['', '800', '800×', '0×600', '800×600×1', ' 800×600', '8.5×6', '-8×6']) {
      expect(parseSizeLabel(text)).toBeNull();
    }
    expect(parseSizeLabel('4294967296×1')).toBeNull();
    expect(parseSizeLabel('4294967295×1')).toEqual({ width: 4294967295, height: 1 });
  });
});

describe('sizeLabel', () => {
  it('writes a size as the user sees it and leaves other text as it is', () => {
    expect(sizeLabel('0800x600')).toBe('800×600');
    expect(sizeLabel('800×600')).toBe('800×600');
    expect(sizeLabel('big')).toBe('big');
  });
});

describe('toggleValue', () => {
  it('checks a value, appending it after those already checked', () => {
    const one = toggleValue(EMPTY_FILTER, 'plane', 'Fetal brain');
    const two = toggleValue(one, 'plane', 'Fetal femur');
    expect(selectedValues(two, 'plane')).toEqual(['Fetal brain', 'Fetal femur']);
    expect(isSelected(two, 'plane', 'Fetal femur')).toBe(true);
  });

  it('unchecks a checked value and drops a facet left empty', () => {
    const checked = toggleValue(EMPTY_FILTER, 'split', 'Test');
    expect(toggleValue(checked, 'split', 'Test')).toEqual(EMPTY_FILTER);
  });

  it('checks a size as the user sees it, however it is written', () => {
    const checked = toggleValue(EMPTY_FILTER, 'size', '800x600');
    expect(selectedValues(checked, 'size')).toEqual(['800×600']);
    expect(toggleValue(checked, 'size', '800×600')).toEqual(EMPTY_FILTER);
  });

  it('leaves the input filter unchanged', () => {
    const before = toggleValue(EMPTY_FILTER, 'country', 'Egypt');
    toggleValue(before, 'country', 'Ghana');
    expect(selectedValues(before, 'country')).toEqual(['Egypt']);
    expect(EMPTY_FILTER.facets).toEqual({});
  });
});

describe('clearFilter', () => {
  const filter = setQuery(
    toggleValue(toggleValue(EMPTY_FILTER, 'plane', 'Other'), 'operator', 'Op. 2'),
    'patient',
  );

  it('clears one facet and keeps the rest', () => {
    expect(clearFilter(filter, 'plane')).toEqual({
      facets: { operator: ['Op. 2'] },
      query: 'patient',
    });
  });

  it('clears everything when no facet is given', () => {
    expect(clearFilter(filter)).toEqual(EMPTY_FILTER);
  });
});

describe('isEmptyFilter', () => {
  it('is true for the empty filter and a blank query', () => {
    expect(isEmptyFilter(EMPTY_FILTER)).toBe(true);
    expect(isEmptyFilter(setQuery(EMPTY_FILTER, '   '))).toBe(true);
  });

  it('is false with a checked value or a query', () => {
    expect(isEmptyFilter(toggleValue(EMPTY_FILTER, 'machine', 'Aloka'))).toBe(false);
    expect(isEmptyFilter(setQuery(EMPTY_FILTER, '12'))).toBe(false);
  });
});

describe('filterToParams', () => {
  it('writes readable, repeated parameters in facet order, the query last', () => {
    let filter = toggleValue(EMPTY_FILTER, 'split', 'Train');
    filter = toggleValue(filter, 'brainPlane', 'Trans-thalamic');
    filter = toggleValue(filter, 'brainPlane', 'Other');
    filter = toggleValue(filter, 'dataset', 'African planes');
    filter = setQuery(filter, 'Patient 12');
    expect(filterToParams(filter).toString()).toBe(
      'dataset=African+planes&brain=Trans-thalamic&brain=Other&split=Train&q=Patient+12',
    );
  });

  it('writes sizes with a plain x, after the split', () => {
    let filter = toggleValue(EMPTY_FILTER, 'size', '800×600');
    filter = toggleValue(filter, 'size', '640×480');
    filter = toggleValue(filter, 'split', 'Test');
    expect(filterToParams(filter).toString()).toBe('split=Test&size=800x600&size=640x480');
  });

  it('writes finding labels as they read, after the sizes', () => {
    let filter = toggleValue(EMPTY_FILTER, 'finding', 'Exact duplicate');
    filter = toggleValue(filter, 'finding', 'Patient in more than one split');
    filter = toggleValue(filter, 'size', '800×600');
    expect(filterToParams(filter).toString()).toBe(
      'size=800x600&finding=Exact+duplicate&finding=Patient+in+more+than+one+split',
    );
  });

  it('writes tags last, as typed, and reads them back', () => {
    let filter = toggleValue(EMPTY_FILTER, 'tag', 'too dark');
    filter = toggleValue(filter, 'finding', 'Exact duplicate');
    filter = toggleValue(filter, 'tag', 'exclude');
    const params = filterToParams(filter);
    expect(params.toString()).toBe('finding=Exact+duplicate&tag=too+dark&tag=exclude');
    expect(filterFromParams(params).facets.tag).toEqual(['too dark', 'exclude']);
  });

  it('writes nothing for the empty filter', () => {
    expect(filterToParams(EMPTY_FILTER).toString()).toBe('');
  });
});

describe('filterFromParams', () => {
  it('reads repeated parameters in their order', () => {
    const params = new URLSearchParams('machine=Aloka&operator=Op.+3&machine=Other&q=abc');
    expect(filterFromParams(params)).toEqual({
      facets: { operator: ['Op. 3'], machine: ['Aloka', 'Other'] },
      query: 'abc',
    });
  });

  it('ignores unknown parameters, empty values and repeated values', () => {
    const params = new URLSearchParams('view=grid&plane=&plane=Other&plane=Other');
    expect(filterFromParams(params)).toEqual({ facets: { plane: ['Other'] }, query: '' });
  });

  it('reads sizes written with x, X or ×, once each', () => {
    const params = new URLSearchParams('size=800x600&size=800%C3%97600&size=640X480&size=big');
    expect(filterFromParams(params)).toEqual({
      facets: { size: ['800×600', '640×480', 'big'] },
      query: '',
    });
  });

  it('reads finding labels in their order, once each', () => {
    const params = new URLSearchParams(
      'finding=Near+duplicate&finding=Missing%20image&finding=Near+duplicate&finding=',
    );
    expect(filterFromParams(params)).toEqual({
      facets: { finding: ['Near duplicate', 'Missing image'] },
      query: '',
    });
  });

  it('round-trips every finding label with the other facets', () => {
    let filter = setQuery(toggleValue(EMPTY_FILTER, 'plane', 'Fetal brain'), 'egypt/1');
    for (const kind of RECORD_FINDING_KINDS) {
      filter = toggleValue(filter, 'finding', FINDING_LABEL[kind]);
    }
    const back = filterFromParams(new URLSearchParams(filterToParams(filter).toString()));
    expect(back).toEqual(filter);
    expect(selectedValues(back, 'finding')).toHaveLength(RECORD_FINDING_KINDS.length);
  });

  it('round-trips any filter built by the helpers exactly', () => {
    const size = fc
      .tuple(fc.nat(2000), fc.constantFrom('x', '×', 'X', '*'), fc.nat(2000))
      .map(([w, sign, h]) => `${w}${sign}${h}`);
    const finding = fc.constantFrom(...RECORD_FINDING_KINDS.map((kind) => FINDING_LABEL[kind]));
    const label = fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
      size,
      finding,
    );
    const step = fc.oneof(
      fc.record({ key: fc.constantFrom(...FACET_KEYS), value: label }),
      fc.record({ query: fc.string({ unit: 'grapheme', maxLength: 12 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 20 }), (steps) => {
        let filter: FilterState = EMPTY_FILTER;
        for (const s of steps) {
          filter = 'query' in s ? setQuery(filter, s.query) : toggleValue(filter, s.key, s.value);
        }
        const back = filterFromParams(new URLSearchParams(filterToParams(filter).toString()));
        expect(back).toEqual(filter);
      }),
    );
  });
});
