import 'fake-indexeddb/auto';
import { createStore, type UseStore } from 'idb-keyval';
import { cacheKey, createScanCache, type CachedScan } from '../../src/io/scanCache.ts';

const HEADER = { width: 800, height: 600, bitDepth: 8, colorType: 0 };
let databases = 0;

/** A fresh database whose transactions are counted by mode. */
function countedStore() {
  const store = createStore(`scan-cache-test-${databases++}`, 'scans');
  const transactions: IDBTransactionMode[] = [];
  const counted: UseStore = (mode, callback) => {
    transactions.push(mode);
    return store(mode, callback);
  };
  return { store: () => counted, transactions };
}

const scan = (bytes: number): CachedScan => ({ header: HEADER, bytes, thumbnail: null });
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('cacheKey', () => {
  it('joins path, size and date, so a changed file gets a new key', () => {
    expect(cacheKey({ path: 'Images/a.png', size: 120, lastModified: 1700 })).toBe(
      'Images/a.png|120|1700',
    );
  });
});

describe('createScanCache', () => {
  it('stores and reads back a scan with its thumbnail, and an unreadable image', async () => {
    const { store } = countedStore();
    const cache = createScanCache({ store });
    const thumbnail = new Blob(['jpeg bytes'], { type: 'image/jpeg' });
    cache.putMany([
      ['a', { header: HEADER, bytes: 5000, thumbnail }],
      ['b', { reason: 'empty file (0 bytes)' }],
    ]);
    expect(await cache.flush()).toBe(true);

    const [a, b] = await createScanCache({ store }).getMany(['a', 'b']);
    expect(a).toMatchObject({ header: HEADER, bytes: 5000 });
    const stored = a && 'thumbnail' in a ? a.thumbnail : null;
    expect(await stored?.text()).toBe('jpeg bytes');
    expect(b).toEqual({ reason: 'empty file (0 bytes)' });
  });

  it('returns scans in the order of the keys asked, undefined for misses, in one read', async () => {
    const { store, transactions } = countedStore();
    const cache = createScanCache({ store });
    cache.putMany([
      ['x', scan(1)],
      ['z', scan(3)],
    ]);
    await cache.flush();
    transactions.length = 0;

    const found = await cache.getMany(['z', 'missing', 'x']);
    expect(found.map((entry) => entry && 'bytes' in entry && entry.bytes)).toEqual([
      3,
      undefined,
      1,
    ]);
    expect(transactions).toEqual(['readonly']);
  });

  it('finds buffered scans before they are written', async () => {
    const { store, transactions } = countedStore();
    const cache = createScanCache({ store, flushMs: 10_000 });
    cache.putMany([['a', scan(7)]]);

    expect(await cache.getMany(['a'])).toEqual([scan(7)]);
    expect(transactions).toEqual([]);
    await cache.flush();
  });

  it('writes buffered scans in one transaction after a moment', async () => {
    const { store, transactions } = countedStore();
    const cache = createScanCache({ store, flushMs: 20, flushSize: 100 });
    cache.putMany([['a', scan(1)]]);
    cache.putMany([['b', scan(2)]]);
    expect(transactions).toEqual([]);

    await wait(60);
    expect(transactions).toEqual(['readwrite']);
    expect(await createScanCache({ store }).getMany(['a', 'b'])).toEqual([scan(1), scan(2)]);
  });

  it('writes at once, in one transaction, when enough scans wait', async () => {
    const { store, transactions } = countedStore();
    const cache = createScanCache({ store, flushMs: 10_000, flushSize: 3 });
    cache.putMany([['a', scan(1)]]);
    cache.putMany([
      ['b', scan(2)],
      ['c', scan(3)],
      ['d', scan(4)],
    ]);

    expect(transactions).toEqual(['readwrite']);
    await wait(0);
    expect(await cache.getMany(['a', 'd'])).toEqual([scan(1), scan(4)]);
  });

  it('clears every cached scan', async () => {
    const { store } = countedStore();
    const cache = createScanCache({ store });
    cache.putMany([['a', scan(1)]]);
    await cache.flush();

    expect(await cache.clearCache()).toBe(true);
    expect(await cache.getMany(['a'])).toEqual([undefined]);
  });

  it('degrades to no cache when the storage fails, without rejecting', async () => {
    const quota = new DOMException('quota exceeded', 'QuotaExceededError');
    const cache = createScanCache({ store: () => () => Promise.reject(quota) });
    cache.putMany([['a', scan(1)]]);

    expect(await cache.flush()).toBe(false);
    expect(cache.available()).toBe(false);
    cache.putMany([['b', scan(2)]]);
    expect(await cache.getMany(['a', 'b'])).toEqual([undefined, undefined]);
  });

  it('degrades to no cache when IndexedDB cannot be opened at all', async () => {
    const cache = createScanCache({
      store: () => {
        throw new ReferenceError('indexedDB is not defined');
      },
    });

    expect(await cache.getMany(['a'])).toEqual([undefined]);
    expect(cache.available()).toBe(false);
  });
});
