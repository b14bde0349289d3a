import 'fake-indexeddb/auto';
import { createStore, set, type UseStore } from 'idb-keyval';
import { createTagStore } from '../../src/io/tagStore.ts';

let databases = 0;
const freshStore = () => createStore(`tag-store-test-${databases++}`, 'tags');

describe('createTagStore', () => {
  it('gives back what was saved, per space, and nothing for a space never saved', async () => {
    const store = freshStore();
    const tags = createTagStore(() => store);
    expect(await tags.save('fetal', { Patient00001_Plane1_1_of_2: ['exclude', 'too dark'] })).toBe(
      true,
    );
    expect(await tags.save('demo:fetal', { Patient00001_Plane1_1_of_2: ['check'] })).toBe(true);
    // A second store over the same database: what a reload finds.
    const again = createTagStore(() => store);
    expect(await again.loadSpaces(['fetal', 'african', 'demo:fetal'])).toEqual([
      { Patient00001_Plane1_1_of_2: ['exclude', 'too dark'] },
      undefined,
      { Patient00001_Plane1_1_of_2: ['check'] },
    ]);
  });

  it('reads a value of another shape as no tags', async () => {
    const store = freshStore();
    await set('fetal', { a: 'exclude' }, store);
    await set('african', ['exclude'], store);
    expect(await createTagStore(() => store).loadSpaces(['fetal', 'african'])).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('never rejects when the storage fails: an empty load, an unsaved write', async () => {
    const broken: UseStore = () => Promise.reject(new Error('QuotaExceededError'));
    const tags = createTagStore(() => broken);
    expect(await tags.loadSpaces(['fetal'])).toEqual([undefined]);
    expect(await tags.save('fetal', { a: ['x'] })).toBe(false);
  });
});
