// Starting Debian's Chromium for the benchmark, and reading what its processes hold in memory.

import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { readdir, readFile } from 'node:fs/promises';

export const CHROMIUM = process.env.PLANESCOPE_CHROMIUM ?? '/usr/bin/chromium';
export const VIEWPORT = { width: 1440, height: 900 } as const;

/** The flags this machine needs: no GPU, and no calls home that its closed network refuses. */
const ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A headless Chromium on the profile in `profile` (a fresh folder: cold; reused: warm). */
export function launchProfile(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: VIEWPORT,
    args: ARGS,
  });
}

/** The context's first page, with page and console errors collected into `errors`. */
export async function firstPage(context: BrowserContext, errors: string[]): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  return page;
}

/**
 * Resolves once the page expression `expression` is truthy, checked every `everyMs`. The app's
 * Content-Security-Policy forbids the eval that Playwright's waitForFunction uses with a string.
 */
export async function waitUntil(
  page: Page,
  expression: string,
  { timeoutMs = 30 * 60_000, everyMs = 100 } = {},
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

/**
 * The memory, in MB, of every process of the Chromium started on `profile`: its browser process
 * (found by its `--user-data-dir`) and all that descend from it, as proportional set size (PSS,
 * shared pages split between their users) where the kernel gives it, else resident set size.
 */
export async function browserMemoryMb(profile: string): Promise<BrowserMemory> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  const parent = new Map<string, string>();
  let root: string | null = null;
  for (const pid of pids) {
    const status = await readText(`/proc/${pid}/status`);
    const ppid = status?.match(/^PPid:\s+(\d+)/m)?.[1];
    if (ppid !== undefined) parent.set(pid, ppid);
    const cmdline = (await readText(`/proc/${pid}/cmdline`))?.split('\0') ?? [];
    const isBrowser =
      cmdline.includes(`--user-data-dir=${profile}`) &&
      !cmdline.some((a) => a.startsWith('--type='));
    if (isBrowser) root = pid;
  }
  if (root === null) throw new Error(`No Chromium process found for profile ${profile}`);

  const descends = (pid: string): boolean => {
    for (let at: string | undefined = pid; at !== undefined && at !== '1'; at = parent.get(at)) {
      if (at === root) return true;
    }
    return false;
  };
  let kb = 0;
  const byProcess: Record<string, number> = {};
  for (const pid of pids.filter(descends)) {
    const rollup = await readText(`/proc/${pid}/smaps_rollup`);
    const pss = rollup?.match(/^Pss:\s+(\d+) kB/m)?.[1];
    const rss = (await readText(`/proc/${pid}/status`))?.match(/^VmRSS:\s+(\d+) kB/m)?.[1];
    const own = Number(pss ?? rss ?? 0);
    kb += own;
    // The wrapper rewrites argv into one string: find the process type in it.
    const cmdline = (await readText(`/proc/${pid}/cmdline`)) ?? '';
    const type = cmdline.match(/--type=(\S+)/)?.[1] ?? 'browser';
    const sub = cmdline.match(/--utility-sub-type=([\w.]+)/)?.[1];
    const name = sub === undefined ? type : `${type} ${sub}`;
    byProcess[name] = Math.round((byProcess[name] ?? 0) + own / 1024);
  }
  return { mb: kb / 1024, byProcess };
}

/** The memory of a browser's processes in MB: in all, and by process type. */
export interface BrowserMemory {
  readonly mb: number;
  readonly byProcess: Readonly<Record<string, number>>;
}
