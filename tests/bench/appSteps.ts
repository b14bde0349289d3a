// The benchmark's runs of the app itself: a cold open on a fresh profile, with everything
// measured after it, and a warm reopen on the same profile.

import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { browserMemoryMb, firstPage, launchProfile, waitUntil } from './browser.ts';
import {
  APP_TILES,
  READ_AUDITS,
  READ_MARKS,
  filterToPaint,
  firstScreenProbe,
  scrollThrough,
  type FirstScreen,
  type ScrollResult,
} from './probe.ts';

/** Pixels scrolled per animation frame: about a row and a half of default tiles. */
export const SCROLL_STEP = 300;

/** Filter changes timed per run (each checkbox on, then off). */
const FILTER_CLICKS = 20;

const LONG = 30 * 60_000;

type Marks = Record<string, { at: number; count: number | null } | undefined>;

/** One `planescope:audited` mark: when, in ms from `change`, and the images the audit compared. */
interface Audited {
  readonly at: number;
  readonly count: number | null;
}

/** What to measure beyond the first screen. */
export interface ColdNeeds {
  readonly headers: boolean;
  readonly thumbnails: boolean;
  /** The audit of every image in the folder (`images` of the cold run's options). */
  readonly audit: boolean;
  readonly filterToPaint: boolean;
  readonly scroll: boolean;
}

export interface ColdResult {
  readonly firstScreen: FirstScreen;
  readonly initialJsKbGzip: number;
  /** Images per second of the header pass, from its start to its end, and ms from `change`. */
  readonly headers?: { readonly perSecond: number; readonly doneMs: number };
  readonly thumbnails?: { readonly perSecond: number; readonly doneMs: number };
  /** ms from `change` to the last audit of all the folder's images, and every audit before it. */
  readonly audit?: { readonly doneMs: number; readonly audits: readonly Audited[] };
  readonly filterToPaintMs?: readonly number[];
  readonly scroll?: ScrollResult;
  readonly memoryMb?: number;
  readonly memoryByProcess?: Readonly<Record<string, number>>;
  /** The app's marks, in ms from `change`, when the last measurement was done. */
  readonly marks: Marks;
}

interface OpenOptions {
  readonly origin: string;
  readonly folder: string;
  readonly profile: string;
  readonly errors: string[];
}

/** Opens the app on `profile` and chooses `folder`; resolves once its first screen is drawn. */
async function openFolder(options: OpenOptions, scripts: string[] = []) {
  const context = await launchProfile(options.profile);
  const page = await firstPage(context, options.errors);
  await page.addInitScript(firstScreenProbe(APP_TILES));
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.endsWith('.js') && !opened) scripts.push(url.pathname);
  });
  let opened = false;
  await page.goto(`${options.origin}/`);
  await page.getByLabel('Choose folder').waitFor({ state: 'attached' });
  opened = true;
  await page.getByLabel('Choose folder').setInputFiles(options.folder, { timeout: LONG });
  await waitUntil(page, 'window.__probe.firstScreen !== null');
  const firstScreen = (await page.evaluate('window.__probe.firstScreen')) as FirstScreen;
  return { context, page, firstScreen };
}

async function waitForMark(page: Page, name: string): Promise<Marks> {
  await waitUntil(page, `${READ_MARKS}[${JSON.stringify(name)}] !== undefined`, { everyMs: 250 });
  return (await page.evaluate(READ_MARKS)) as Marks;
}

/** Resolves once an audit has compared all `images`; to the last such audit and all audits. */
async function waitForFullAudit(page: Page, images: number) {
  await waitUntil(page, `${READ_AUDITS}.some((audit) => audit.count === ${images})`, {
    everyMs: 250,
  });
  const audits = (await page.evaluate(READ_AUDITS)) as Audited[];
  const last = audits.findLast((audit) => audit.count === images);
  if (last === undefined) throw new Error(`No audit of all ${images} images`);
  return { doneMs: last.at, audits };
}

/** Images per second between two marks: the growth of their counts over the time between. */
function rate(marks: Marks, start: string, end: string) {
  const from = marks[start];
  const to = marks[end];
  if (from === undefined || to === undefined || to.count === null) {
    throw new Error(`The app set no ${start} / ${end} marks`);
  }
  return { perSecond: ((to.count - (from.count ?? 0)) * 1000) / (to.at - from.at), doneMs: to.at };
}

/** Sum of the gzip sizes, in kB, of the built scripts at `paths` (URL paths under `dist`). */
async function gzipKb(dist: string, paths: readonly string[]): Promise<number> {
  let bytes = 0;
  for (const path of new Set(paths)) {
    bytes += gzipSync(await readFile(join(dist, path)), { level: 9 }).length;
  }
  return bytes / 1024;
}

/**
 * A cold open of `folder` on the fresh `profile`: the first screen, the scripts loaded before
 * the folder was chosen, and whatever `needs` asks for, in this order: header pass, thumbnail
 * pass (to its end, so the profile is warm afterwards), the audit of all `images` (the folder's
 * image count), filter changes, a scroll through the whole grid, and the browser's memory after
 * it.
 */
export async function coldRun(
  options: OpenOptions & {
    readonly dist: string;
    readonly images: number;
    readonly needs: ColdNeeds;
  },
): Promise<ColdResult> {
  const scripts: string[] = [];
  const { context, page, firstScreen } = await openFolder(options, scripts);
  try {
    const result: {
      -readonly [K in keyof ColdResult]: ColdResult[K];
    } = { firstScreen, initialJsKbGzip: await gzipKb(options.dist, scripts), marks: {} };
    const { needs } = options;
    if (needs.headers) {
      const marks = await waitForMark(page, 'planescope:headers-done');
      result.headers = rate(marks, 'planescope:headers-start', 'planescope:headers-done');
    }
    if (needs.thumbnails || needs.scroll) {
      const marks = await waitForMark(page, 'planescope:thumbnails-done');
      result.thumbnails = rate(marks, 'planescope:thumbnails-start', 'planescope:thumbnails-done');
    }
    if (needs.audit) result.audit = await waitForFullAudit(page, options.images);
    if (needs.filterToPaint) {
      result.filterToPaintMs = (await page.evaluate(
        filterToPaint('Plane', FILTER_CLICKS),
      )) as number[];
    }
    if (needs.scroll) {
      result.scroll = (await page.evaluate(scrollThrough(APP_TILES, SCROLL_STEP))) as ScrollResult;
      await page.waitForTimeout(1000);
      const memory = await browserMemoryMb(options.profile);
      result.memoryMb = memory.mb;
      result.memoryByProcess = memory.byProcess;
    }
    result.marks = (await page.evaluate(READ_MARKS)) as Marks;
    return result;
  } finally {
    await context.close();
  }
}

/** Reopens `folder` on a `profile` a cold run has filled; resolves to the first screen. */
export async function warmRun(
  options: OpenOptions,
): Promise<{ readonly firstScreen: FirstScreen; readonly marks: Marks }> {
  const { context, page, firstScreen } = await openFolder(options);
  const marks = (await page.evaluate(READ_MARKS)) as Marks;
  await context.close();
  return { firstScreen, marks };
}
