import { UNREADABLE, type ScanResult, type WorkerLike } from './protocol.ts';
import { createScanQueue } from './scanQueue.ts';

/** Visible cells go first, newest first; background work after them, oldest first. */
export type ScanPriority = 'visible' | 'background';

export interface ScanPoolOptions {
  /** Default: one per core and one more, at most 4 (see BENCHMARKS.md). */
  readonly workers?: number;
  /** Requests each worker holds at once; default 4, where createImageBitmap peaks. */
  readonly inFlightPerWorker?: number;
  /** Longest side of thumbnails in px; 0 reads headers only. */
  readonly thumbnail: number;
  readonly createWorker?: () => WorkerLike;
}

/** Requests waiting, being scanned, and finished (read or unreadable; dropped ones not counted). */
export interface ScanPoolStats {
  readonly queued: number;
  readonly running: number;
  readonly done: number;
}

export interface ScanPool {
  /** Scans the file of `key` once; while it is pending, the same key returns the same promise. */
  request(key: string, file: () => Promise<File>, priority: ScanPriority): Promise<ScanResult>;
  /** Drops the queued visible requests whose key is not in `keys` (unless also in background). */
  setVisible(keys: ReadonlySet<string>): void;
  /** Starts every worker now, so that their scripts load while the caller does other work. */
  prepare(): void;
  /** Stops starting requests; those in flight finish. */
  pause(): void;
  resume(): void;
  /** Drops every pending request, started or not. */
  cancelAll(): void;
  /** Drops everything and ends the workers; later requests are dropped at once. */
  dispose(): void;
  stats(): ScanPoolStats;
}

interface Job {
  readonly key: string;
  readonly file: () => Promise<File>;
  readonly promise: Promise<ScanResult>;
  readonly resolve: (result: ScanResult) => void;
  started: boolean;
  settled: boolean;
}

/** A worker, created on first use, and the jobs it holds by request id. */
interface Slot {
  worker: WorkerLike | null;
  readonly running: Map<number, Job>;
}

const DROPPED: ScanResult = { ok: false, dropped: true };
const WORKER_FAILED = 'the image reader stopped unexpectedly';

function spawnScanWorker(): WorkerLike {
  return new Worker(new URL('./scan.worker.ts', import.meta.url), { type: 'module' });
}

function defaultWorkerCount(): number {
  const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;
  // A worker waits on file reads and on the browser's decoder threads part of the time: one
  // more than the cores kept both busy here, where one per core left them partly idle.
  return Math.min(4, Math.max(2, cores + 1));
}

/**
 * A scheduler of image scans over a few workers, created on first need: visible requests newest
 * first, then background ones in order, at most `inFlightPerWorker` per worker. Every promise
 * resolves (never rejects) with a `ScanResult`: a file that cannot be read is a result too.
 */
export function createScanPool(options: ScanPoolOptions): ScanPool {
  const perWorker = Math.max(1, options.inFlightPerWorker ?? 4);
  const createWorker = options.createWorker ?? spawnScanWorker;
  const workerCount = Math.max(1, options.workers ?? defaultWorkerCount());
  const slots: Slot[] = Array.from({ length: workerCount }, () => ({
    worker: null,
    running: new Map(),
  }));
  const queue = createScanQueue<Job>();
  const pending = new Map<string, Job>();
  let paused = false;
  let disposed = false;
  let nextId = 1;
  let active = 0;
  let done = 0;

  function settle(job: Job, result: ScanResult): void {
    if (job.settled) return;
    job.settled = true;
    if (job.started) active--;
    if (pending.get(job.key) === job) pending.delete(job.key);
    job.resolve(result);
  }

  function freeSlot(): Slot | undefined {
    let best: Slot | undefined;
    for (const slot of slots) {
      const load = slot.running.size;
      if (load < perWorker && (!best || load < best.running.size)) best = slot;
    }
    return best;
  }

  function pump(): void {
    while (!paused && !disposed) {
      const slot = freeSlot();
      const job = slot && queue.take();
      if (!slot || !job) return;
      void start(job, slot);
    }
  }

  async function start(job: Job, slot: Slot): Promise<void> {
    job.started = true;
    active++;
    const id = nextId++;
    slot.running.set(id, job);

    let file: File;
    try {
      file = await job.file();
    } catch {
      finish(slot, id, { ok: false, dropped: false, reason: UNREADABLE });
      return;
    }
    if (job.settled || disposed) return finish(slot, id, null);
    slot.worker ??= connect(slot);
    slot.worker.postMessage({ type: 'scan', id, file, thumbnail: options.thumbnail });
  }

  /** Frees the slot of request `id` and settles its job with `result`, if still pending. */
  function finish(slot: Slot, id: number, result: ScanResult | null): void {
    const job = slot.running.get(id);
    if (!job) return;
    slot.running.delete(id);
    if (result && !job.settled) {
      done++;
      settle(job, result);
    }
    pump();
  }

  function connect(slot: Slot): WorkerLike {
    const worker = createWorker();
    worker.onmessage = ({ data }) => {
      const result: ScanResult = data.ok
        ? {
            ok: true,
            header: data.header,
            bytes: data.bytes,
            thumbnail: data.thumbnail,
            hashes: data.hashes,
          }
        : { ok: false, dropped: false, reason: data.reason };
      finish(slot, data.id, result);
    };
    // A worker that fails to load or crashes would hold its requests forever: fail them instead.
    worker.onerror = () => {
      worker.terminate();
      if (slot.worker === worker) slot.worker = null;
      for (const id of [...slot.running.keys()]) {
        finish(slot, id, { ok: false, dropped: false, reason: WORKER_FAILED });
      }
    };
    return worker;
  }

  function cancelAll(): void {
    for (const slot of slots) {
      for (const id of slot.running.keys()) slot.worker?.postMessage({ type: 'cancel', id });
    }
    queue.clear();
    for (const job of pending.values()) settle(job, DROPPED);
  }

  function request(key: string, file: () => Promise<File>, priority: ScanPriority) {
    if (disposed) return Promise.resolve(DROPPED);
    let job = pending.get(key);
    if (!job) {
      let resolve: (result: ScanResult) => void = () => undefined;
      const promise = new Promise<ScanResult>((settled) => (resolve = settled));
      job = { key, file, promise, resolve, started: false, settled: false };
      pending.set(key, job);
    }
    if (!job.started) {
      if (priority === 'visible') queue.visible(job);
      else queue.background(job);
      pump();
    }
    return job.promise;
  }

  return {
    request,
    prepare() {
      if (disposed) return;
      try {
        for (const slot of slots) slot.worker ??= connect(slot);
      } catch {
        // No workers here (an old browser, a test): the first request reports it as before.
      }
    },
    setVisible(keys) {
      for (const job of queue.keepVisible((job) => keys.has(job.key))) settle(job, DROPPED);
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      pump();
    },
    cancelAll,
    dispose() {
      cancelAll();
      disposed = true;
      for (const slot of slots) {
        slot.worker?.terminate();
        slot.worker = null;
        slot.running.clear();
      }
    },
    stats: () => ({ queued: pending.size - active, running: active, done }),
  };
}
