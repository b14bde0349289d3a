import type { PngHeader } from '../../src/core/types.ts';
import type {
  ScanRequest,
  ScanResponse,
  WorkerLike,
  WorkerRequest,
} from '../../src/workers/protocol.ts';
import { createScanPool, type ScanPoolOptions } from '../../src/workers/scanPool.ts';

const HEADER: PngHeader = { width: 800, height: 600, bitDepth: 8, colorType: 0 };

/** A worker that records what it is sent and answers only when the test says so. */
class FakeWorker implements WorkerLike {
  readonly sent: WorkerRequest[] = [];
  /** Scans sent and not answered yet, oldest first. */
  open: ScanRequest[] = [];
  onmessage: ((event: MessageEvent<ScanResponse>) => void) | null = null;
  onerror?: ((event: ErrorEvent) => void) | null = null;
  terminated = false;

  postMessage(message: WorkerRequest): void {
    this.sent.push(message);
    if (message.type === 'scan') this.open.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  answer(request: ScanRequest, response: ScanResponse): void {
    this.open = this.open.filter((open) => open !== request);
    this.onmessage?.(new MessageEvent('message', { data: response }));
  }
}

/** Lets the pool's awaits of `file()` run. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A pool over fake workers (1 worker, 1 request in flight unless told otherwise). */
function setup(options: Partial<ScanPoolOptions> = {}) {
  const workers: FakeWorker[] = [];
  const pool = createScanPool({
    workers: 1,
    inFlightPerWorker: 1,
    thumbnail: 128,
    createWorker: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    ...options,
  });
  const fileOf = (name: string) => () => Promise.resolve(new File(['png'], name));
  const scans = () =>
    workers.flatMap((worker) => worker.sent.filter((message) => message.type === 'scan'));
  /** The names of the files sent to workers, in the order they were sent. */
  const started = () => scans().map((scan) => scan.file.name);
  /** Answers the oldest open scan of the first worker that has one, then lets the pool run. */
  const answerNext = async (reply?: (id: number) => ScanResponse) => {
    const worker = workers.find((candidate) => candidate.open.length > 0);
    const request = worker?.open[0];
    if (!worker || !request) throw new Error('no scan is waiting for an answer');
    const id = request.id;
    worker.answer(
      request,
      reply?.(id) ?? { id, ok: true, header: HEADER, bytes: 3, thumbnail: null, hashes: null },
    );
    await tick();
  };
  return { pool, workers, fileOf, started, answerNext };
}

describe('createScanPool', () => {
  it('starts visible requests newest first, then background ones oldest first', async () => {
    const { pool, fileOf, started, answerNext } = setup();
    pool.pause();
    for (const name of ['b1', 'b2']) void pool.request(name, fileOf(name), 'background');
    for (const name of ['v1', 'v2', 'v3']) void pool.request(name, fileOf(name), 'visible');
    void pool.request('b3', fileOf('b3'), 'background');
    pool.resume();
    await tick();
    for (let i = 0; i < 5; i++) await answerNext();

    expect(started()).toEqual(['v3', 'v2', 'v1', 'b1', 'b2', 'b3']);
  });

  it('moves a request asked again as visible to the front, once', async () => {
    const { pool, fileOf, started, answerNext } = setup();
    pool.pause();
    for (const name of ['a', 'b', 'c']) void pool.request(name, fileOf(name), 'background');
    void pool.request('x', fileOf('x'), 'visible');
    void pool.request('b', fileOf('b'), 'visible');
    pool.resume();
    await tick();
    for (let i = 0; i < 3; i++) await answerNext();

    expect(started()).toEqual(['b', 'x', 'a', 'c']);
  });

  it('returns the same promise for the same pending key and scans it once', async () => {
    const { pool, fileOf, started, answerNext } = setup();
    const file = vi.fn(fileOf('a'));
    const first = pool.request('a', file, 'visible');
    const second = pool.request('a', file, 'background');
    await tick();
    await answerNext();

    expect(second).toBe(first);
    expect(file).toHaveBeenCalledTimes(1);
    expect(started()).toEqual(['a']);
    expect(await first).toEqual({
      ok: true,
      header: HEADER,
      bytes: 3,
      thumbnail: null,
      hashes: null,
    });
  });

  it('passes the thumbnail size to the worker', async () => {
    const { pool, workers, fileOf } = setup({ thumbnail: 96 });
    void pool.request('a', fileOf('a'), 'visible');
    await tick();

    expect(workers[0]?.open[0]).toMatchObject({ type: 'scan', thumbnail: 96 });
  });

  it('drops queued visible requests that scrolled away, keeping background ones', async () => {
    const { pool, fileOf, started, answerNext } = setup();
    const running = pool.request('running', fileOf('running'), 'visible');
    await tick();
    const gone = pool.request('gone', fileOf('gone'), 'visible');
    const kept = pool.request('kept', fileOf('kept'), 'visible');
    void pool.request('both', fileOf('both'), 'background');
    void pool.request('both', fileOf('both'), 'visible');

    pool.setVisible(new Set(['kept']));

    expect(await gone).toEqual({ ok: false, dropped: true });
    expect(pool.stats()).toEqual({ queued: 2, running: 1, done: 0 });
    for (let i = 0; i < 3; i++) await answerNext();
    expect(started()).toEqual(['running', 'kept', 'both']);
    expect((await running).ok).toBe(true);
    expect((await kept).ok).toBe(true);
  });

  it('holds at most inFlightPerWorker requests in each worker', async () => {
    const { pool, workers, fileOf, answerNext } = setup({ workers: 2, inFlightPerWorker: 3 });
    for (let i = 0; i < 10; i++) void pool.request(`f${i}`, fileOf(`f${i}`), 'background');
    await tick();

    expect(workers.map((worker) => worker.open.length)).toEqual([3, 3]);
    expect(pool.stats()).toEqual({ queued: 4, running: 6, done: 0 });
    await answerNext();
    expect(workers.map((worker) => worker.open.length)).toEqual([3, 3]);
    expect(pool.stats()).toEqual({ queued: 3, running: 6, done: 1 });
  });

  it('creates no worker before the first request', () => {
    const createWorker = vi.fn(() => new FakeWorker());
    createScanPool({ thumbnail: 0, createWorker });

    expect(createWorker).not.toHaveBeenCalled();
  });

  it('starts every worker on prepare, once, and uses them for later requests', async () => {
    const createWorker = vi.fn(() => new FakeWorker());
    const pool = createScanPool({ thumbnail: 0, workers: 3, createWorker });
    pool.prepare();
    pool.prepare();
    expect(createWorker).toHaveBeenCalledTimes(3);
    void pool.request('a', () => Promise.resolve(new File([], 'a')), 'background');
    await Promise.resolve();
    expect(createWorker).toHaveBeenCalledTimes(3);
  });

  it('prepares nothing once disposed, and survives a browser without workers', () => {
    const disposed = vi.fn(() => new FakeWorker());
    const pool = createScanPool({ thumbnail: 0, createWorker: disposed });
    pool.dispose();
    pool.prepare();
    expect(disposed).not.toHaveBeenCalled();
    const failing = createScanPool({
      thumbnail: 0,
      createWorker: () => {
        throw new ReferenceError('Worker is not defined');
      },
    });
    expect(() => failing.prepare()).not.toThrow();
  });

  it('starts nothing while paused and continues on resume', async () => {
    const { pool, fileOf, started } = setup();
    pool.pause();
    void pool.request('a', fileOf('a'), 'visible');
    await tick();
    expect(started()).toEqual([]);
    expect(pool.stats()).toEqual({ queued: 1, running: 0, done: 0 });

    pool.resume();
    await tick();
    expect(started()).toEqual(['a']);
  });

  it('resolves unreadable images, unreadable files and crashed workers as results', async () => {
    const { pool, workers, fileOf, answerNext } = setup({ inFlightPerWorker: 2 });
    const corrupt = pool.request('corrupt', fileOf('corrupt'), 'background');
    const gone = pool.request('gone', () => Promise.reject(new Error('NotFound')), 'background');
    const crashed = pool.request('crashed', fileOf('crashed'), 'background');
    await tick();
    await answerNext((id) => ({ id, ok: false, reason: 'not a PNG (bad signature)' }));
    workers[0]?.onerror?.(new Event('error') as ErrorEvent);

    expect(await corrupt).toEqual({
      ok: false,
      dropped: false,
      reason: 'not a PNG (bad signature)',
    });
    expect(await gone).toMatchObject({
      ok: false,
      dropped: false,
      reason: expect.stringMatching(/could not be read/),
    });
    expect(await crashed).toMatchObject({ ok: false, dropped: false });
    expect(workers[0]?.terminated).toBe(true);
    expect(pool.stats()).toEqual({ queued: 0, running: 0, done: 3 });
  });

  it('cancels everything pending and frees a worker only when it answers', async () => {
    const { pool, workers, fileOf, started, answerNext } = setup();
    const running = pool.request('running', fileOf('running'), 'visible');
    const queued = pool.request('queued', fileOf('queued'), 'background');
    await tick();
    pool.cancelAll();

    expect(await running).toEqual({ ok: false, dropped: true });
    expect(await queued).toEqual({ ok: false, dropped: true });
    expect(workers[0]?.sent.at(-1)).toEqual({ type: 'cancel', id: workers[0]?.open[0]?.id });

    const next = pool.request('next', fileOf('next'), 'visible');
    await tick();
    expect(started()).toEqual(['running']);
    await answerNext((id) => ({ id, ok: false, reason: 'cancelled' }));
    await answerNext();
    expect(started()).toEqual(['running', 'next']);
    expect((await next).ok).toBe(true);
  });

  it('terminates its workers on dispose and drops later requests', async () => {
    const { pool, workers, fileOf } = setup();
    void pool.request('a', fileOf('a'), 'visible');
    await tick();
    pool.dispose();

    expect(workers[0]?.terminated).toBe(true);
    expect(await pool.request('b', fileOf('b'), 'visible')).toEqual({ ok: false, dropped: true });
  });
});
