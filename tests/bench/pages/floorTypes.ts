// What the bench pages expose to the runner (tests/bench/run.ts): the floor's tasks and results,
// the core bench's, and the globals each page sets on `window`.

/**
 * The first screen from cold: list the folder, parse its CSVs, and decode the named images at
 * thumbnail size on the main thread, once per concurrency (after an untimed warm-up).
 */
export interface FirstScreenTask {
  readonly kind: 'first-screen';
  /** Paths inside the chosen folder (its own name left out), e.g. `Images/Patient01234_...png`. */
  readonly paths: readonly string[];
  /** One timed trial per entry: at most this many decodes in flight. */
  readonly concurrency: readonly number[];
  /** Longest side of the decoded images, in pixels (thumbnailSize). */
  readonly side: number;
}

/** Every PNG's first 33 bytes, read with a bounded number of reads in flight. */
export interface HeadersTask {
  readonly kind: 'headers';
  readonly concurrency: number;
}

/** Every PNG read whole and digested with SHA-256, with a bounded number of files in flight. */
export interface HashesTask {
  readonly kind: 'hashes';
  readonly concurrency: number;
}

/** The app worker's thumbnail work (read, header, decode, JPEG) on a sample, in module workers. */
export interface ThumbnailsTask {
  readonly kind: 'thumbnails';
  /** Files to make thumbnails of, taken at an even stride over the PNGs in path order. */
  readonly sample: number;
  readonly workers: number;
  /** Files in flight per worker at most. */
  readonly inFlight: number;
  /** Whether each file is also hashed as the app's worker does for the audit. */
  readonly hashes?: boolean;
}

export type FloorTask = FirstScreenTask | HeadersTask | HashesTask | ThumbnailsTask;

/** One decode trial of the first screen. */
export interface DecodeTrial {
  readonly concurrency: number;
  readonly ms: number;
}

/** Times in milliseconds. */
export interface FirstScreenResult {
  readonly kind: 'first-screen';
  /** From the change event (changeAt) to the end of the listing loop. */
  readonly listMs: number;
  /** Reading and parsing the CSVs (papaparse). */
  readonly parseMs: number;
  /** The best trial's decode time. */
  readonly decodeMs: number;
  readonly bestConcurrency: number;
  /** The timed trials, in the order of the task's `concurrency`. */
  readonly trials: readonly DecodeTrial[];
  /** listMs + parseMs + decodeMs: the first screen from cold. */
  readonly totalMs: number;
  /** listMs + parseMs: the first screen when thumbnails are cached. */
  readonly warmTotalMs: number;
}

export interface HeadersResult {
  readonly kind: 'headers';
  readonly files: number;
  /** From the loop's start to the last read. */
  readonly ms: number;
  readonly filesPerS: number;
}

export interface HashesResult {
  readonly kind: 'hashes';
  readonly files: number;
  /** Bytes read and digested, all files together. */
  readonly bytes: number;
  /** From the loop's start to the last digest. */
  readonly ms: number;
}

export interface ThumbnailsResult {
  readonly kind: 'thumbnails';
  readonly files: number;
  /** From the first file posted (workers already up) to the last thumbnail back. */
  readonly ms: number;
  readonly filesPerS: number;
  readonly workers: number;
  readonly inFlight: number;
  readonly hashes: boolean;
}

export type FloorResult = FirstScreenResult | HeadersResult | HashesResult | ThumbnailsResult;

/** `window.floor` on floor.html. */
export interface FloorApi {
  /** Runs `task` on the folder input's next change event, replacing any task not yet run. */
  arm(task: FloorTask): void;
  /**
   * The armed task's result once it has run; rejects with the reason when it failed (a path not
   * in the folder, an unreadable or undecodable image, no CSV) or when nothing was armed.
   */
  result(): Promise<FloorResult>;
}

/** What coreBench.run resolves to. */
export interface CoreBenchResult {
  /** Records in the index: FETAL_PLANES_DB's rows times the copies. */
  readonly images: number;
  /** Each filter change's duration in ms, in order, warm-up included. */
  readonly durations: number[];
}

/** `window.coreBench` on core.html. */
export interface CoreBenchApi {
  /**
   * Builds the index of `copies` copies of FETAL_PLANES_DB's rows, every size known, and times
   * `changes` filter changes on it (tests/bench/filterWorkload.ts: evaluate, facet lists, charts
   * and size summaries). Same seed each call, so the same filters.
   */
  run(copies: number, changes: number): Promise<CoreBenchResult>;
}

declare global {
  interface Window {
    /** Set by every bench page once its script has run. */
    benchReady?: boolean;
    /** performance.now() at the last change event, recorded before any other listener runs. */
    changeAt?: number;
    /** floor.html */
    floor?: FloorApi;
    /** naive.html: tiles appended on the last change. */
    naiveTiles?: number;
    /** core.html */
    coreBench?: CoreBenchApi;
  }
}
