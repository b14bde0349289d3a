import fc from 'fast-check';
import {
  EMPTY_FILTER,
  FACETS,
  FACET_KEYS,
  clearFilter,
  filterFromParams,
  filterToParams,
  isEmptyFilter,
  isSelected,
  selectedValues,
  setQuery,
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
    ]);
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

  it('round-trips any filter built by the helpers exactly', () => {
    const label = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 });
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
