// `npm run bench`: the explorer against its physical floor and a naive grid, in headless
// Chromium, on a generated FETAL_PLANES_DB-sized folder. Prints a table and writes
// bench-results.json at the repository root. Never part of `npm test` or CI.
//
//   npm run bench -- [--runs N] [--only NAME[,NAME...]] [--no-build]

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { coldRun, warmRun } from './appSteps.ts';
import { CHROMIUM } from './browser.ts';
import { benchFolder } from './dataset.ts';
import {
  coreRun,
  firstScreenFloor,
  hashesFloor,
  headersFloor,
  naiveRun,
  thumbnailsFloor,
} from './floorSteps.ts';
import { serveStatic } from './server.ts';
import { figure, formatTable, median, p95, type BenchResult, type Unit } from './stats.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PAGES_OUT = join(tmpdir(), 'planescope-bench-pages');

/** Every figure, with its unit, in the order they are printed. */
const UNITS = {
  first_screen_cold_ms: 'ms',
  first_screen_warm_ms: 'ms',
  header_scan_files_per_s: 'files/s',
  thumbnails_per_s: 'files/s',
  audit_full_ms: 'ms',
  filter_p95_ms_12k: 'ms',
  filter_p95_ms_124k: 'ms',
  filter_to_paint_p95_ms: 'ms',
  scroll_long_tasks: 'count',
  grid_dom_nodes_max: 'count',
  memory_mb_after_scroll: 'MB',
  initial_js_kb_gzip: 'kB',
  naive_first_screen_ms: 'ms',
  naive_memory_mb: 'MB',
} as const satisfies Record<string, Unit>;

type FigureName = keyof typeof UNITS;
const NAMES = Object.keys(UNITS) as FigureName[];

/** Concurrencies the bare header and hashing loops try, and the thumbnail floor's sweep. */
const HEADER_CONCURRENCY = [8, 32, 128];
const HASH_CONCURRENCY = [4, 16, 64];
const SWEEP = { sample: 240, workers: [1, 2, 3], inFlight: [1, 2, 4, 8] };
const THUMBNAIL_SAMPLE = 1200;
/** Filter changes timed in the page; the first WARM_UP are left out of the p95. */
const CHANGES = { '12k': 220, '124k': 80 };
const WARM_UP = 20;

function parseCli() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      only: { type: 'string', multiple: true },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError('--runs takes a whole number >= 1');
  const only = (values.only ?? []).flatMap((list) => list.split(',')).filter(Boolean);
  for (const name of only) {
    if (!(NAMES as string[]).includes(name)) {
      throw new RangeError(`Unknown figure ${name}. Figures: ${NAMES.join(', ')}`);
    }
  }
  const wanted = new Set<FigureName>(only.length > 0 ? (only as FigureName[]) : NAMES);
  return { runs, wanted, build: !values['no-build'] };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

function machine(): string {
  const cores = cpus();
  // Debian's wrapper script prints a shell warning on stderr: keep only the version line.
  const chromium = execFileSync(CHROMIUM, ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
  return (
    `${cores[0]?.model ?? 'unknown CPU'} x ${cores.length}, ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB, Linux ${release()}, ${chromium}`
  );
}

async function main(): Promise<void> {
  const { runs, wanted, build } = parseCli();
  const want = (...names: FigureName[]) => names.some((name) => wanted.has(name));
  const log = (message: string) => console.log(message);

  const folder = await benchFolder(log);
  if (build) {
    run('npm', ['run', 'build']);
    run('npx', ['vite', 'build', '--config', 'tests/bench/pages/vite.config.ts'], {
      PLANESCOPE_BENCH_PAGES_OUT: PAGES_OUT,
    });
  }
  const dist = join(ROOT, 'dist');
  const server = await serveStatic(dist, PAGES_OUT);
  log(`Serving the build on ${server.origin}; ${folder.images} images in ${folder.dir}`);

  const values = new Map<FigureName, number[]>(NAMES.map((name) => [name, []]));
  const floors = new Map<FigureName, number[]>(NAMES.map((name) => [name, []]));
  const details: Record<string, unknown>[] = [];
  const errors: string[] = [];
  const add = (name: FigureName, value: number, floor?: number) => {
    values.get(name)?.push(value);
    if (floor !== undefined) floors.get(name)?.push(floor);
  };
  let thumbnailConfig: { workers: number; inFlight: number } | null = null;

  const needCold = want(
    'first_screen_cold_ms',
    'first_screen_warm_ms',
    'header_scan_files_per_s',
    'thumbnails_per_s',
    'audit_full_ms',
    'filter_to_paint_p95_ms',
    'scroll_long_tasks',
    'grid_dom_nodes_max',
    'memory_mb_after_scroll',
    'initial_js_kb_gzip',
  );
  const needScroll = want('scroll_long_tasks', 'grid_dom_nodes_max', 'memory_mb_after_scroll');

  try {
    for (let at = 1; at <= runs; at++) {
      const detail: Record<string, unknown> = { run: at };
      const profile = await mkdtemp(join(tmpdir(), 'planescope-bench-profile-'));
      try {
        let firstScreen: readonly string[] = [];
        if (needCold) {
          const cold = await coldRun({
            origin: server.origin,
            folder: folder.dir,
            profile,
            errors,
            dist,
            images: folder.images,
            needs: {
              headers: want('header_scan_files_per_s'),
              thumbnails: want('thumbnails_per_s', 'first_screen_warm_ms'),
              audit: want('audit_full_ms'),
              filterToPaint: want('filter_to_paint_p95_ms'),
              scroll: needScroll,
            },
          });
          detail.cold = cold;
          firstScreen = cold.firstScreen.names.map((name) => `Images/${name}`);
          const floor = await firstScreenFloor(server.origin, folder.dir, firstScreen, errors);
          detail.firstScreenFloor = floor;
          add('first_screen_cold_ms', cold.firstScreen.ms, floor.totalMs);
          add('initial_js_kb_gzip', cold.initialJsKbGzip);
          if (cold.headers) {
            const bare = await headersFloor(server.origin, folder.dir, HEADER_CONCURRENCY, errors);
            detail.headersFloor = bare;
            add('header_scan_files_per_s', cold.headers.perSecond, bare.filesPerS);
          }
          if (cold.thumbnails && want('thumbnails_per_s')) {
            thumbnailConfig ??= await sweepThumbnails(server.origin, folder.dir, errors, detail);
            const bare = await thumbnailsFloor(
              server.origin,
              folder.dir,
              { sample: THUMBNAIL_SAMPLE, ...thumbnailConfig },
              errors,
            );
            detail.thumbnailsFloor = bare;
            add('thumbnails_per_s', cold.thumbnails.perSecond, bare.filesPerS);
            // The app's pass also hashes for the audit: what that costs the bare loop, for the note.
            const hashed = await thumbnailsFloor(
              server.origin,
              folder.dir,
              { sample: THUMBNAIL_SAMPLE, ...thumbnailConfig, hashes: true },
              errors,
            );
            detail.thumbnailsHashedFloor = hashed;
            log(
              `thumbnail floor ${bare.filesPerS.toFixed(0)} files/s; ` +
                `with the audit's hashes ${hashed.filesPerS.toFixed(0)} files/s`,
            );
          }
          if (cold.audit) {
            const bare = await hashesFloor(server.origin, folder.dir, HASH_CONCURRENCY, errors);
            detail.hashesFloor = bare;
            add('audit_full_ms', cold.audit.doneMs, bare.ms);
          }
          if (cold.filterToPaintMs) add('filter_to_paint_p95_ms', p95(cold.filterToPaintMs));
          if (cold.scroll && cold.memoryMb !== undefined) {
            add('scroll_long_tasks', cold.scroll.longTasks);
            add('grid_dom_nodes_max', cold.scroll.maxTiles);
            add('memory_mb_after_scroll', cold.memoryMb);
          }
          if (want('first_screen_warm_ms')) {
            const warm = await warmRun({
              origin: server.origin,
              folder: folder.dir,
              profile,
              errors,
            });
            detail.warm = warm;
            add('first_screen_warm_ms', warm.firstScreen.ms, floor.warmTotalMs);
          }
        }
        if (want('naive_first_screen_ms', 'naive_memory_mb', 'first_screen_cold_ms')) {
          const naive = await naiveRun(server.origin, folder.dir, errors);
          detail.naive = naive;
          add('naive_first_screen_ms', naive.firstScreen.ms);
          add('naive_memory_mb', naive.memoryMb);
        }
        if (want('memory_mb_after_scroll') && values.get('naive_memory_mb')?.length !== at) {
          const naive = await naiveRun(server.origin, folder.dir, errors);
          add('naive_memory_mb', naive.memoryMb);
        }
        for (const [key, copies] of [
          ['12k', 1],
          ['124k', 10],
        ] as const) {
          const name: FigureName = key === '12k' ? 'filter_p95_ms_12k' : 'filter_p95_ms_124k';
          if (!want(name)) continue;
          const core = await coreRun(server.origin, copies, CHANGES[key], errors);
          add(name, p95(core.durations.slice(WARM_UP)));
        }
      } finally {
        await rm(profile, { recursive: true, force: true });
      }
      details.push(detail);
      log(`run ${at}/${runs}: ${summary(values, at)}`);
    }
  } finally {
    await server.close();
  }

  const result: BenchResult & { details: Record<string, unknown>[] } = {
    machine: machine(),
    images: folder.images,
    runs,
    figures: {},
    details,
  };
  for (const name of NAMES) {
    const measured = values.get(name) ?? [];
    if (measured.length === 0) continue;
    const floor = floors.get(name) ?? [];
    result.figures[name] = figure(measured, UNITS[name], floor.length > 0 ? floor : undefined);
  }
  await writeFile(join(ROOT, 'bench-results.json'), `${JSON.stringify(result, null, 2)}\n`);
  log('');
  log(formatTable(result));
  log(`\nWrote ${join(ROOT, 'bench-results.json')}`);
  if (errors.length > 0) {
    console.error(`\nThe pages reported ${errors.length} errors:\n${errors.join('\n')}`);
    process.exitCode = 1;
  }
}

/** The last value of each figure measured in this run, on one line. */
function summary(values: Map<FigureName, number[]>, at: number): string {
  return NAMES.flatMap((name) => {
    const list = values.get(name) ?? [];
    return list.length === at ? [`${name}=${Math.round((list[at - 1] ?? 0) * 10) / 10}`] : [];
  }).join(' ');
}

/** The thumbnail floor's best workers x in-flight on a small sample; sets `detail.sweep`. */
async function sweepThumbnails(
  origin: string,
  folder: string,
  errors: string[],
  detail: Record<string, unknown>,
) {
  const trials = [];
  for (const workers of SWEEP.workers) {
    for (const inFlight of SWEEP.inFlight) {
      trials.push(
        await thumbnailsFloor(origin, folder, { sample: SWEEP.sample, workers, inFlight }, errors),
      );
    }
  }
  detail.sweep = trials.map(({ workers, inFlight, filesPerS }) => ({
    workers,
    inFlight,
    filesPerS,
  }));
  const rates = trials.map((trial) => trial.filesPerS);
  const best = trials.find((trial) => trial.filesPerS === Math.max(...rates));
  if (best === undefined) throw new Error('The thumbnail sweep ran no trial');
  console.log(
    `thumbnail floor: best ${best.workers} workers x ${best.inFlight} in flight ` +
      `(${Math.round(best.filesPerS)} files/s; median of the sweep ${Math.round(median(rates))})`,
  );
  return { workers: best.workers, inFlight: best.inFlight };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
