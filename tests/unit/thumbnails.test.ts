import { createThumbnails, UNREADABLE } from '../../src/state/thumbnails.ts';

const blob = (text: string) => new Blob([text], { type: 'image/jpeg' });

describe('createThumbnails', () => {
  it('hands back the blob it was given, and makes no object URL', () => {
    const create = vi.spyOn(URL, 'createObjectURL');
    create.mockClear();
    const thumbnails = createThumbnails();
    const first = blob('a');
    thumbnails.put(1, first);
    thumbnails.put(2, blob('b'));
    expect(thumbnails.get(1)).toBe(first);
    expect(thumbnails.get(3)).toBeUndefined();
    expect(create).not.toHaveBeenCalled();
    create.mockRestore();
  });

  it('counts a tile showing a thumbnail as a use of it', () => {
    const thumbnails = createThumbnails({ limit: 2 });
    thumbnails.put(1, blob('1'));
    thumbnails.put(2, blob('2'));
    // 1 is the oldest; a tile showing it, even once gone, makes 2 the least recently used.
    thumbnails.subscribe(1, () => {})();
    thumbnails.put(3, blob('3'));
    expect(thumbnails.dropped([1, 2, 3])).toEqual([2]);
  });

  it('drops the least recently used beyond its limit, never one a tile shows', () => {
    const thumbnails = createThumbnails({ limit: 2 });
    const unsubscribe = thumbnails.subscribe(1, () => {});
    thumbnails.put(1, blob('1'));
    thumbnails.put(2, blob('2'));
    thumbnails.put(3, blob('3'));
    // 1 is oldest but shown, so 2 goes.
    expect(thumbnails.size()).toBe(2);
    expect(thumbnails.get(2)).toBeUndefined();
    expect(thumbnails.dropped([1, 2, 3])).toEqual([2]);
    unsubscribe();
    thumbnails.put(4, blob('4'));
    expect(thumbnails.dropped([1, 2, 3, 4])).toEqual([1, 2]);
    // A dropped thumbnail put again is held again.
    thumbnails.put(2, blob('2'));
    expect(thumbnails.dropped([2])).toEqual([]);
    expect(thumbnails.get(2)).toBeInstanceOf(Blob);
  });

  it('drops nothing while it cannot be fetched again', () => {
    let cached = false;
    const thumbnails = createThumbnails({ limit: 1, canDrop: () => cached });
    thumbnails.put(1, blob('1'));
    thumbnails.put(2, blob('2'));
    expect(thumbnails.size()).toBe(2);
    cached = true;
    thumbnails.put(3, blob('3'));
    expect(thumbnails.size()).toBe(1);
    expect(thumbnails.dropped([1, 2, 3])).toEqual([1, 2]);
  });

  it('tells the tile of an id, and only it, and reports unreadable images', () => {
    const thumbnails = createThumbnails();
    const heard: number[] = [];
    thumbnails.subscribe(1, () => heard.push(1));
    thumbnails.subscribe(2, () => heard.push(2));
    thumbnails.put(1, blob('1'));
    thumbnails.fail(2);
    expect(heard).toEqual([1, 2]);
    expect(thumbnails.get(2)).toBe(UNREADABLE);
    thumbnails.clear();
    expect(thumbnails.get(1)).toBeUndefined();
    expect(thumbnails.size()).toBe(0);
  });
});
