// The benchmark's dataset: a FETAL_PLANES_DB-shaped folder of 12,400 synthetic PNGs with the real
// CSV and file names, generated once into a cache folder outside the repository and reused.

import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, posix, relative, sep } from 'node:path';
import { generateFolder } from '../fixtures/generate.ts';
import type { Manifest, SizeSpec } from '../fixtures/spec.ts';
import { checkFreeSpace, megabytes } from '../fixtures/write.ts';

export interface BenchFolder {
  readonly dir: string;
  /** Absolute path of the CSV. */
  readonly csv: string;
  readonly images: number;
  /** Total PNG bytes. */
  readonly bytes: number;
  /** Every file path relative to `dir`, '/'-separated, sorted. */
  readonly paths: readonly string[];
}

/** Bump it whenever anything below changes the folder's bytes, so a stale cache is not reused. */
const NAME = 'fetal-12400-v1';

const IMAGES = 12_400;
const COUNT = IMAGES.toLocaleString('en-US');
const CSV_NAME = 'FETAL_PLANES_DB_data.csv';
const SEED = 1;

/**
 * Sizes like real frames, 800x600 to 1136x852, one per US machine. With the CSV's machine mix
 * (5,862 E6, 5,114 Aloka, 1,082 S10, 342 Other) this averages about 0.6 megapixels a frame.
 */
const SIZES: SizeSpec = {
  by: {
    'Voluson E6': { width: 800, height: 600 },
    Aloka: { width: 960, height: 720 },
    Other: { width: 1024, height: 768 },
    'Voluson S10': { width: 1136, height: 852 },
  },
};

/**
 * Speckle tuned so the files average about 170 kB like the real ones: encoding the 256 pooled
 * pictures at each size, weighted by the machine mix, 0.092 gives 169.9 kB (0.09 gives 168.9 kB,
 * 0.105 gives 175.5 kB).
 */
const NOISE = 0.092;

/**
 * Disk needed with some margin: the generated folder takes 2.13 GB on 4 KB blocks.
 * generateFolder checks its own, finer estimate again before writing.
 */
const NEEDED_BYTES = 2.5e9;

/** What the completion marker records, so a reused folder can be checked against it. */
interface Marker {
  readonly name: string;
  readonly files: number;
  readonly images: number;
  readonly bytes: number;
  readonly noise: number;
  readonly seed: number;
  readonly seconds: number;
}

/**
 * The benchmark folder, generated on first use into `$PLANESCOPE_BENCH_CACHE` (by default
 * `~/.cache/planescope-bench`) and reused afterwards. A folder is reused only when the marker file
 * beside it says it was completed and it still holds the files and bytes the marker records;
 * otherwise it is deleted and written again. Says what it does through `log`. Rejects when the
 * disk has too little free space (before writing anything) or on any file-system error.
 */
export async function benchFolder(log: (message: string) => void): Promise<BenchFolder> {
  const root = process.env.PLANESCOPE_BENCH_CACHE ?? join(homedir(), '.cache', 'planescope-bench');
  const dir = join(root, NAME);
  const markerPath = `${dir}.complete.json`;

  const marker = await readMarker(markerPath);
  if (marker) {
    const found = await listFolder(dir).catch(() => null);
    if (found && matches(found, marker)) {
      log(`Reusing the benchmark dataset in ${dir} (${found.images} images, ${gb(found.bytes)}).`);
      return found;
    }
  }
  // The marker goes first: a crash between the two deletions must not leave it vouching.
  await rm(markerPath, { force: true });
  if (await exists(dir)) {
    const why = marker ? `no longer matches ${markerPath}` : 'was never completed';
    log(`The benchmark dataset in ${dir} ${why}; deleting it.`);
    await rm(dir, { recursive: true, force: true });
  }

  await checkFreeSpace(dir, NEEDED_BYTES).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Cannot write the benchmark's dataset of ${COUNT} images. ${reason} ` +
        'Free some space, or set PLANESCOPE_BENCH_CACHE to a folder on a larger disk.',
      { cause: error },
    );
  });
  log(`Generating the benchmark dataset (${COUNT} PNGs, once) in ${dir}.`);
  const started = performance.now();
  const manifest = await generateFolder({
    out: dir,
    fetal: { root: '', size: SIZES },
    noise: NOISE,
    reuse: true,
    seed: SEED,
    log,
  });
  const seconds = Math.round((performance.now() - started) / 100) / 10;

  const folder = fromManifest(manifest);
  const written: Marker = {
    name: NAME,
    files: folder.paths.length,
    images: folder.images,
    bytes: folder.bytes,
    noise: NOISE,
    seed: SEED,
    seconds,
  };
  // Written then renamed, so a marker that exists is always whole.
  await writeFile(`${markerPath}.tmp`, `${JSON.stringify(written, null, 1)}\n`);
  await rename(`${markerPath}.tmp`, markerPath);
  log(`Generated ${folder.images} images (${gb(folder.bytes)}) in ${seconds} s.`);
  return folder;
}

function fromManifest(manifest: Manifest): BenchFolder {
  const csv = manifest.csvs[0];
  if (!csv || manifest.images.length !== IMAGES) {
    throw new Error(`The generator wrote ${manifest.images.length} images, not ${IMAGES}.`);
  }
  return {
    dir: manifest.out,
    csv: join(manifest.out, csv.path),
    images: manifest.images.length,
    bytes: manifest.images.reduce((sum, image) => sum + image.bytes, 0),
    paths: manifest.files.map((file) => file.path).sort(),
  };
}

/** The folder as it is on disk; rejects if it is absent or holds no CSV. */
async function listFolder(dir: string): Promise<BenchFolder> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile());
  const paths: string[] = [];
  let images = 0;
  let bytes = 0;
  for (const entry of files) {
    const full = join(entry.parentPath, entry.name);
    paths.push(relative(dir, full).split(sep).join(posix.sep));
    if (entry.name.endsWith('.png')) {
      images++;
      bytes += (await stat(full)).size;
    }
  }
  paths.sort();
  if (!paths.includes(CSV_NAME)) throw new Error(`${dir} holds no ${CSV_NAME}`);
  return { dir, csv: join(dir, CSV_NAME), images, bytes, paths };
}

function matches(found: BenchFolder, marker: Marker): boolean {
  return (
    found.paths.length === marker.files &&
    found.images === marker.images &&
    found.bytes === marker.bytes &&
    marker.noise === NOISE &&
    marker.seed === SEED
  );
}

async function readMarker(path: string): Promise<Marker | null> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const marker = JSON.parse(text) as Partial<Marker>;
    const whole =
      marker.name === NAME &&
      typeof marker.files === 'number' &&
      typeof marker.bytes === 'number' &&
      typeof marker.images === 'number' &&
      typeof marker.noise === 'number' &&
      typeof marker.seed === 'number';
    return whole ? (marker as Marker) : null;
  } catch {
    return null;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function gb(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : megabytes(bytes);
}
