import { buildIndex } from '../../src/core/datasetIndex.ts';
import { EMPTY_FILTER } from '../../src/core/facets.ts';
import { evaluate, facetValues, refreshTags } from '../../src/core/filter.ts';
import {
  MAX_TAGS,
  MAX_TAG_LENGTH,
  normaliseTag,
  recordTags,
  storedTags,
  tagMasks,
  tagNames,
  withTag,
} from '../../src/core/tags.ts';
import { africanRecord, fetalRecord } from './records.ts';

const records = [
  fetalRecord({ patient: '1', name: 'Patient00001_Plane1_1_of_2' }),
  fetalRecord({ patient: '1', name: 'Patient00001_Plane1_2_of_2', split: 'Test' }),
  fetalRecord({ patient: '2', name: 'Patient00002_Plane2_1_of_1' }),
  africanRecord({ name: 'patient001_EGY_plane0', patient: 'Egypt/1' }),
];
const index = buildIndex(records, () => true);

describe('normaliseTag', () => {
  it('trims and folds inner white space, keeping case', () => {
    expect(normaliseTag('  Too   dark\t ')).toEqual({ ok: true, tag: 'Too dark' });
  });

  it('refuses an empty, a too long, a control-character or a semicolon tag, saying why', () => {
    for (const typed of ['', '   ', 'x'.repeat(MAX_TAG_LENGTH + 1), 'a\u0007b', 'a;b']) {
      const result = normaliseTag(typed);
      expect(result.ok, JSON.stringify(typed)).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/^A tag /);
    }
    expect(normaliseTag('x'.repeat(MAX_TAG_LENGTH)).ok).toBe(true);
  });
});

describe('tags kept per dataset by image name', () => {
  it('round-trips through what the store keeps, per dataset', () => {
    const tags = [['exclude'], [], ['check', 'mine'], ['exclude']];
    const stored = storedTags(index, tags);
    expect(stored).toEqual({
      fetal: { [records[0]?.name ?? '']: ['exclude'], [records[2]?.name ?? '']: ['check', 'mine'] },
      african: { [records[3]?.name ?? '']: ['exclude'] },
    });
    expect(recordTags(index, stored)).toEqual(tags);
  });

  it('finds the tags of an image in another folder by the same name, not by path', () => {
    const moved = buildIndex(
      records.map((record) => ({ ...record, path: `elsewhere/${record.path}` })),
      () => true,
    );
    const stored = storedTags(index, [[], ['check'], [], []]);
    expect(recordTags(moved, stored)).toEqual([[], ['check'], [], []]);
  });

  it('gives no tags to a dataset with nothing stored, and keeps each tag once', () => {
    const name = records[0]?.name ?? '';
    expect(recordTags(index, { fetal: { [name]: ['x', 'x'] } })).toEqual([['x'], [], [], []]);
  });
});

describe('withTag', () => {
  const none = records.map(() => [] as string[]);

  it('adds a tag to the ids given only, and removes it again', () => {
    const added = withTag(none, [0, 2, 99], 'exclude', true);
    expect(added).toMatchObject({ changed: true, full: false });
    expect(added.tags).toEqual([['exclude'], [], ['exclude'], []]);
    expect(added.tags[1]).toBe(none[1]);
    const removed = withTag(added.tags, [0], 'exclude', false);
    expect(removed.tags).toEqual([[], [], ['exclude'], []]);
  });

  it('changes nothing (same array) when every id already has it', () => {
    const once = withTag(none, [1], 'check', true).tags;
    const twice = withTag(once, [1], 'check', true);
    expect(twice.changed).toBe(false);
    expect(twice.tags).toBe(once);
  });

  it('refuses a new tag past MAX_TAGS, but still adds one in use', () => {
    let tags: readonly (readonly string[])[] = none;
    for (let at = 0; at < MAX_TAGS; at++) tags = withTag(tags, [at % 4], `t${at}`, true).tags;
    expect(tagNames(tags)).toHaveLength(MAX_TAGS);
    expect(withTag(tags, [0], 'one more', true)).toMatchObject({ changed: false, full: true });
    expect(withTag(tags, [1], 't0', true).changed).toBe(true);
  });
});

describe('the Tag facet', () => {
  const tags = [['check', 'exclude'], ['zz'], ['exclude'], []];

  it('lists exclude and check first, then the others, each with its bit', () => {
    const { values, masks } = tagMasks(tags);
    expect(values).toEqual(['exclude', 'check', 'zz']);
    expect([...masks]).toEqual([0b011, 0b100, 0b001, 0]);
  });

  it('narrows the selection to any checked tag and counts each tag', () => {
    const masks = tagMasks(tags);
    const filter = { facets: { tag: ['exclude', 'zz'] }, query: '' };
    const result = evaluate(index, filter, undefined, masks);
    expect([...result.selection]).toEqual([0, 1, 2]);
    expect(facetValues(index, result, 'tag')).toEqual({
      values: ['exclude', 'check', 'zz'],
      counts: Uint32Array.from([2, 1, 1]),
    });
  });

  it('refreshes only the Tag counts when no tag is checked, keeping the selection', () => {
    const before = evaluate(index, { facets: { split: ['Train'] }, query: '' });
    const after = refreshTags(
      index,
      { facets: { split: ['Train'] }, query: '' },
      before,
      tagMasks(tags),
    );
    expect(after.selection).toBe(before.selection);
    // Train: records 0, 2, 3.
    expect([...after.counts.tag]).toEqual([2, 1, 0]);
    expect(after.counts.plane).toBe(before.counts.plane);
  });

  it('evaluates again when a tag is checked', () => {
    const filter = { facets: { tag: ['check'] }, query: '' };
    const stale = evaluate(index, filter);
    expect(stale.selection.length).toBe(0);
    expect([...refreshTags(index, filter, stale, tagMasks(tags)).selection]).toEqual([0]);
  });

  it('has no values without tags', () => {
    expect(facetValues(index, evaluate(index, EMPTY_FILTER), 'tag').values).toEqual([]);
  });
});
