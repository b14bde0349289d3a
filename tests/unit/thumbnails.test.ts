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

  describe('whenDrawn', () => {
    /** Whether `promise` has settled once pending microtasks have run. */
    async function settled(promise: Promise<void>) {
      let done = false;
      void promise.then(() => (done = true));
      await new Promise((resolve) => setTimeout(resolve, 0));
      return done;
    }

    it('waits for the shown, held thumbnails among the ids, nothing else', async () => {
      const thumbnails = createThumbnails();
      thumbnails.subscribe(1, () => {});
      thumbnails.subscribe(2, () => {});
      thumbnails.put(1, blob('1'));
      thumbnails.put(2, blob('2'));
      // 3 is held but no tile shows it; 4 is shown but has no thumbnail: neither is waited for.
      thumbnails.put(3, blob('3'));
      thumbnails.subscribe(4, () => {});
      const wait = thumbnails.whenDrawn([1, 2, 3, 4]);
      thumbnails.drawn(1);
      expect(await settled(wait)).toBe(false);
      thumbnails.drawn(2);
      expect(await settled(wait)).toBe(true);
      expect(await settled(thumbnails.whenDrawn([3, 4, 5]))).toBe(true);
    });

    it('waits again for an id given a new thumbnail after its last was drawn', async () => {
      const thumbnails = createThumbnails();
      thumbnails.subscribe(1, () => {});
      thumbnails.put(1, blob('old'));
      thumbnails.drawn(1);
      expect(await settled(thumbnails.whenDrawn([1]))).toBe(true);
      thumbnails.put(1, blob('new'));
      const wait = thumbnails.whenDrawn([1]);
      expect(await settled(wait)).toBe(false);
      thumbnails.drawn(1);
      expect(await settled(wait)).toBe(true);
    });

    it('stops waiting for a tile that goes away or a cleared registry', async () => {
      const thumbnails = createThumbnails();
      const unsubscribe = thumbnails.subscribe(1, () => {});
      thumbnails.subscribe(2, () => {});
      thumbnails.subscribe(3, () => {});
      for (const id of [1, 2, 3]) thumbnails.put(id, blob(String(id)));
      const gone = thumbnails.whenDrawn([1]);
      unsubscribe();
      expect(await settled(gone)).toBe(true);
      const cleared = thumbnails.whenDrawn([2, 3]);
      expect(await settled(cleared)).toBe(false);
      thumbnails.clear();
      expect(await settled(cleared)).toBe(true);
    });

    it('ignores a draw reported for an id with no thumbnail held', async () => {
      const thumbnails = createThumbnails();
      thumbnails.subscribe(1, () => {});
      thumbnails.drawn(1);
      thumbnails.put(1, blob('1'));
      expect(await settled(thumbnails.whenDrawn([1]))).toBe(false);
    });
  });
});
