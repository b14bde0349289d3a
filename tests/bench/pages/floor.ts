// The physical floors of the app's figures, measured on the same folder in the same browser:
// listing and parsing it, decoding the first screen, reading headers, hashing whole files,
// making thumbnails.
import Papa from 'papaparse';
import { PNG_HEADER_BYTES, readPngHeader } from '../../../src/core/png.ts';
import { THUMBNAIL_RESIZE_QUALITY, thumbnailSize } from '../../../src/core/thumbnail.ts';
import type {
  DecodeTrial,
  FirstScreenResult,
  FirstScreenTask,
  FloorResult,
  FloorTask,
  HashesResult,
  HashesTask,
  HeadersResult,
  HeadersTask,
  ThumbnailsResult,
  ThumbnailsTask,
} from './floorTypes.ts';
import { folderInput, inPool, pngsInPathOrder, relativePath } from './page.ts';
import type { ThumbRequest, ThumbResponse } from './thumbWorker.ts';

class Deferred<T> {
  resolve: (value: T) => void = () => undefined;
  reject: (reason: unknown) => void = () => undefined;
  readonly promise = new Promise<T>((resolve, reject) => {
    this.resolve = resolve;
    this.reject = reject;
  });
}

let armed: { task: FloorTask; outcome: Deferred<FloorResult> } | null = null;
let latest: Deferred<FloorResult> | null = null;

window.floor = {
  arm(task) {
    armed?.outcome.reject(new Error('Replaced by another task before it ran.'));
    const outcome = new Deferred<FloorResult>();
    // Handled here so that a failure nobody asks about yet is not reported as uncaught.
    outcome.promise.catch(() => undefined);
    armed = { task, outcome };
    latest = outcome;
  },
  result() {
    return latest?.promise ?? Promise.reject(new Error('No task was armed.'));
  },
};

const input = folderInput();
input.addEventListener('change', () => {
  const changeAt = window.changeAt ?? performance.now();
  const files = input.files;
  if (armed === null || files === null) return;
  const { task, outcome } = armed;
  armed = null;
  run(task, files, changeAt).then(outcome.resolve, outcome.reject);
});
window.benchReady = true;

async function run(task: FloorTask, files: FileList, changeAt: number): Promise<FloorResult> {
  switch (task.kind) {
    case 'first-screen':
      return firstScreen(task, files, changeAt);
    case 'headers':
      return headers(task, files);
    case 'hashes':
      return hashes(task, files);
    case 'thumbnails':
      return thumbnails(task, files);
  }
  // Reached only by a task from untyped code: the runner's JSON.
  throw new Error(`Unknown task kind: ${JSON.stringify(task)}`);
}

async function firstScreen(
  task: FirstScreenTask,
  files: FileList,
  changeAt: number,
): Promise<FirstScreenResult> {
  const listing = new Map<string, File>();
  for (const file of files) listing.set(relativePath(file), file);
  const listed = performance.now();

  const csvs = [...listing].filter(([path]) => path.toLowerCase().endsWith('.csv'));
  if (csvs.length === 0) throw new Error('The folder holds no CSV.');
  for (const [path, file] of csvs) {
    const parsed = Papa.parse(await file.text(), { delimiter: ';', skipEmptyLines: true });
    if (parsed.data.length === 0) throw new Error(`${path}: no rows`);
  }
  const parsed = performance.now();

  const targets = task.paths.map((path) => {
    const file = listing.get(path);
    if (file === undefined) throw new Error(`${path}: not in the folder`);
    return file;
  });
  const decode = async (file: File): Promise<void> => {
    const head = new Uint8Array(await file.slice(0, PNG_HEADER_BYTES).arrayBuffer());
    const header = readPngHeader(head);
    if (!header.ok) throw new Error(`${file.name}: ${header.reason}`);
    const size = thumbnailSize(header.value.width, header.value.height, task.side);
    const bitmap = await createImageBitmap(file, {
      resizeWidth: size.width,
      resizeHeight: size.height,
      resizeQuality: THUMBNAIL_RESIZE_QUALITY,
    });
    bitmap.close();
  };

  // Untimed: the first pass pays for cold file caches, which no trial should pay alone.
  await inPool(targets, Math.max(1, ...task.concurrency), decode);
  const trials: DecodeTrial[] = [];
  for (const concurrency of task.concurrency) {
    const started = performance.now();
    await inPool(targets, concurrency, decode);
    trials.push({ concurrency, ms: performance.now() - started });
  }
  const best = trials.reduce<DecodeTrial | null>(
    (a, b) => (a === null || b.ms < a.ms ? b : a),
    null,
  );
  if (best === null) throw new Error('The task names no concurrency to try.');

  const listMs = listed - changeAt;
  const parseMs = parsed - listed;
  return {
    kind: 'first-screen',
    listMs,
    parseMs,
    decodeMs: best.ms,
    bestConcurrency: best.concurrency,
    trials,
    totalMs: listMs + parseMs + best.ms,
    warmTotalMs: listMs + parseMs,
  };
}

/** The PNGs among `files` (by extension, any letter case), in listing order; throws for none. */
function pngFiles(files: FileList): File[] {
  const pngs: File[] = [];
  for (const file of files) if (file.name.toLowerCase().endsWith('.png')) pngs.push(file);
  if (pngs.length === 0) throw new Error('The folder holds no PNG.');
  return pngs;
}

async function headers(task: HeadersTask, files: FileList): Promise<HeadersResult> {
  const pngs = pngFiles(files);
  const started = performance.now();
  await inPool(pngs, task.concurrency, async (file) => {
    await file.slice(0, PNG_HEADER_BYTES).arrayBuffer();
  });
  const ms = performance.now() - started;
  return { kind: 'headers', files: pngs.length, ms, filesPerS: (pngs.length * 1000) / ms };
}

async function hashes(task: HashesTask, files: FileList): Promise<HashesResult> {
  const pngs = pngFiles(files);
  let bytes = 0;
  const started = performance.now();
  await inPool(pngs, task.concurrency, async (file) => {
    const content = await file.arrayBuffer();
    bytes += content.byteLength;
    await crypto.subtle.digest('SHA-256', content);
  });
  const ms = performance.now() - started;
  return { kind: 'hashes', files: pngs.length, bytes, ms };
}

async function thumbnails(task: ThumbnailsTask, files: FileList): Promise<ThumbnailsResult> {
  const pngs = pngsInPathOrder(files);
  const count = Math.min(Math.floor(task.sample), pngs.length);
  if (count <= 0) throw new Error('No PNG to sample (an empty folder, or a sample of 0).');
  const sample: File[] = [];
  for (let i = 0; i < count; i++) {
    const png = pngs[Math.floor((i * pngs.length) / count)];
    if (png !== undefined) sample.push(png.file);
  }

  const workers: Worker[] = [];
  try {
    for (let i = 0; i < Math.max(1, task.workers); i++) workers.push(startWorker());
    await Promise.all(workers.map(ready));
    const hashes = task.hashes === true;
    const ms = await feed(workers, sample, Math.max(1, task.inFlight), hashes);
    return {
      kind: 'thumbnails',
      files: sample.length,
      ms,
      filesPerS: (sample.length * 1000) / ms,
      workers: workers.length,
      inFlight: task.inFlight,
      hashes,
    };
  } finally {
    for (const worker of workers) worker.terminate();
  }
}

function startWorker(): Worker {
  return new Worker(new URL('./thumbWorker.ts', import.meta.url), { type: 'module' });
}

/** Resolves on the worker's `ready` message; rejects if it fails to load. */
function ready(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ThumbResponse>) => {
      if (event.data.type === 'ready') resolve();
    };
    worker.onerror = (event) => reject(new Error(`A worker failed to load: ${event.message}`));
  });
}

/**
 * Posts every file to the workers, at most `inFlight` per worker, a worker getting the next file
 * as soon as it returns one; resolves to the ms from the first post to the last thumbnail back.
 */
function feed(
  workers: readonly Worker[],
  sample: readonly File[],
  inFlight: number,
  hashes: boolean,
) {
  return new Promise<number>((resolve, reject) => {
    let next = 0;
    let done = 0;
    let started = 0;
    const post = (worker: Worker): void => {
      if (next >= sample.length) return;
      const id = next++;
      const file = sample[id];
      if (file !== undefined) worker.postMessage({ id, file, hashes } satisfies ThumbRequest);
    };
    for (const worker of workers) {
      worker.onmessage = ({ data }: MessageEvent<ThumbResponse>) => {
        if (data.type === 'failed') reject(new Error(data.reason));
        else if (data.type === 'done' && data.thumbnail.size === 0) reject(new Error('empty JPEG'));
        else if (data.type === 'done' && ++done === sample.length) {
          resolve(performance.now() - started);
        } else if (data.type === 'done') post(worker);
      };
      worker.onerror = (event) => reject(new Error(`A worker failed: ${event.message}`));
    }
    started = performance.now();
    for (let slot = 0; slot < inFlight; slot++) for (const worker of workers) post(worker);
  });
}
