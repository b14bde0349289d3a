// The benchmark's reference runs, in the same browser build and on the same files as the app:
// the physical floors (floor.html), the naive grid (naive.html) and the core's filter cost
// (core.html).

import type { BrowserContext, Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { THUMBNAIL_SIDE } from '../../src/core/thumbnail.ts';
import { SCROLL_STEP } from './appSteps.ts';
import { browserMemoryMb, firstPage, launchProfile, waitUntil } from './browser.ts';
import type {
  CoreBenchResult,
  FirstScreenResult,
  FloorTask,
  HashesResult,
  HeadersResult,
  ThumbnailsResult,
} from './pages/floorTypes.ts';
import {
  NAIVE_TILES,
  firstScreenProbe,
  scrollThrough,
  type FirstScreen,
  type ScrollResult,
} from './probe.ts';

const LONG = 30 * 60_000;

/** Runs `work` on a page of a fresh profile, then closes the browser and deletes the profile. */
async function withFreshPage<T>(
  errors: string[],
  work: (page: Page, profile: string, context: BrowserContext) => Promise<T>,
): Promise<T> {
  const profile = await mkdtemp(join(tmpdir(), 'planescope-bench-profile-'));
  const context = await launchProfile(profile);
  try {
    return await work(await firstPage(context, errors), profile, context);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

async function openPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitUntil(page, 'window.benchReady === true');
}

/** Runs one floor task on freshly chosen files (unread and unstat'd, as the app gets them). */
async function floorTask(
  origin: string,
  folder: string,
  task: FloorTask,
  errors: string[],
): Promise<unknown> {
  return withFreshPage(errors, async (page) => {
    await openPage(page, `${origin}/bench/floor.html`);
    await page.evaluate(`window.floor.arm(${JSON.stringify(task)})`);
    await page.locator('#folder').setInputFiles(folder, { timeout: LONG });
    return page.evaluate('window.floor.result()');
  });
}

/** Listing + CSV parse + decoding `paths` at thumbnail size, at the best of a few concurrencies. */
export async function firstScreenFloor(
  origin: string,
  folder: string,
  paths: readonly string[],
  errors: string[],
): Promise<FirstScreenResult> {
  const task: FloorTask = {
    kind: 'first-screen',
    paths,
    concurrency: [1, 2, 4, 8, 16],
    side: THUMBNAIL_SIDE,
  };
  return (await floorTask(origin, folder, task, errors)) as FirstScreenResult;
}

/**
 * Runs the task `task(concurrency)` at each of `concurrencies`, each on a fresh page, then once
 * more at the fastest, so that the floor is not a lucky minimum. Resolves to that last result,
 * its concurrency and the trials in the order of `concurrencies`.
 */
async function atBestConcurrency<R extends { readonly ms: number }>(
  origin: string,
  folder: string,
  task: (concurrency: number) => FloorTask,
  concurrencies: readonly number[],
  errors: string[],
): Promise<{ readonly best: R; readonly concurrency: number; readonly trials: R[] }> {
  const trials: R[] = [];
  for (const concurrency of concurrencies) {
    trials.push((await floorTask(origin, folder, task(concurrency), errors)) as R);
  }
  const times = trials.map((trial) => trial.ms);
  const concurrency = concurrencies[times.indexOf(Math.min(...times))];
  if (concurrency === undefined) throw new RangeError('No concurrency to try');
  const best = (await floorTask(origin, folder, task(concurrency), errors)) as R;
  return { best, concurrency, trials };
}

/** Header reads per second of a bare loop, at the best of `concurrencies`. */
export async function headersFloor(
  origin: string,
  folder: string,
  concurrencies: readonly number[],
  errors: string[],
): Promise<HeadersResult & { readonly concurrency: number; readonly trials: number[] }> {
  const { best, concurrency, trials } = await atBestConcurrency<HeadersResult>(
    origin,
    folder,
    (at) => ({ kind: 'headers', concurrency: at }),
    concurrencies,
    errors,
  );
  return { ...best, concurrency, trials: trials.map((trial) => trial.filesPerS) };
}

/** ms to read every PNG whole and digest it with SHA-256, at the best of `concurrencies`. */
export async function hashesFloor(
  origin: string,
  folder: string,
  concurrencies: readonly number[],
  errors: string[],
): Promise<HashesResult & { readonly concurrency: number; readonly trials: number[] }> {
  const { best, concurrency, trials } = await atBestConcurrency<HashesResult>(
    origin,
    folder,
    (at) => ({ kind: 'hashes', concurrency: at }),
    concurrencies,
    errors,
  );
  return { ...best, concurrency, trials: trials.map((trial) => trial.ms) };
}

/** One thumbnail floor trial: `sample` files at `workers` x `inFlight`. */
export async function thumbnailsFloor(
  origin: string,
  folder: string,
  config: {
    readonly sample: number;
    readonly workers: number;
    readonly inFlight: number;
    readonly hashes?: boolean;
  },
  errors: string[],
): Promise<ThumbnailsResult> {
  const task: FloorTask = { kind: 'thumbnails', ...config };
  return (await floorTask(origin, folder, task, errors)) as ThumbnailsResult;
}

export interface NaiveResult {
  readonly firstScreen: FirstScreen;
  readonly scroll: ScrollResult;
  readonly memoryMb: number;
  readonly memoryByProcess: Readonly<Record<string, number>>;
}

/** The naive page of lazy `<img>` tiles on the same folder: first screen, scroll, memory. */
export async function naiveRun(
  origin: string,
  folder: string,
  errors: string[],
): Promise<NaiveResult> {
  return withFreshPage(errors, async (page, profile) => {
    await page.addInitScript(firstScreenProbe(NAIVE_TILES));
    await openPage(page, `${origin}/bench/naive.html`);
    await page.locator('#folder').setInputFiles(folder, { timeout: LONG });
    await waitUntil(page, 'window.__probe.firstScreen !== null');
    const firstScreen = (await page.evaluate('window.__probe.firstScreen')) as FirstScreen;
    const scroll = (await page.evaluate(scrollThrough(NAIVE_TILES, SCROLL_STEP))) as ScrollResult;
    await page.waitForTimeout(1000);
    const memory = await browserMemoryMb(profile);
    return { firstScreen, scroll, memoryMb: memory.mb, memoryByProcess: memory.byProcess };
  });
}

/** The core's filter changes in the page, over `copies` copies of FETAL_PLANES_DB. */
export async function coreRun(
  origin: string,
  copies: number,
  changes: number,
  errors: string[],
): Promise<CoreBenchResult> {
  return withFreshPage(errors, async (page) => {
    await openPage(page, `${origin}/bench/core.html`);
    return (await page.evaluate(`window.coreBench.run(${copies}, ${changes})`)) as CoreBenchResult;
  });
}
