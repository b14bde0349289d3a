// The fixture folders the browser tests open, generated once and reused while nothing changed.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUDIT_FOLDER, auditPlan } from '../fixtures/audit.ts';
import type { AuditPlan } from '../fixtures/audit.ts';
import { generateFolder } from '../fixtures/generate.ts';
import type { GenerateOptions, Manifest, OddSize, Size } from '../fixtures/spec.ts';

/** Outside the repository, so that neither git nor Vite ever sees thousands of PNGs. */
export const FIXTURE_ROOT = join(tmpdir(), 'planescope-e2e');

type FolderOptions = Omit<GenerateOptions, 'out' | 'log'>;

/** A row image of FETAL_PLANES_DB a file manager copied beside itself, as `x (1).png`. */
const FETAL_COPY = 'FETAL_PLANES_DB/Images/Patient00001_Plane1_1_of_15 (1).png';

/** A scan someone dropped into a country folder; no row names it. */
const STRAY_SCAN = 'African_planes/Egypt/IMG_0042.png';

/** The African set's image names in one country, in CSV order. */
function africanNames(country: string): string[] {
  const csv = readFileSync(new URL('../fixtures/African_planes_database.csv', import.meta.url));
  return csv
    .toString('utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(','))
    .filter((fields) => fields[3] === country)
    .map((fields) => fields[4] ?? '');
}

/**
 * A size per machine (FETAL_PLANES_DB) and per country (African set), each different, at about
 * half the real ones so that the folder is quick to write and to read.
 */
const VIEW_SIZES: Readonly<Record<string, Size>> = {
  'Voluson E6': { width: 320, height: 240 },
  'Voluson S10': { width: 384, height: 288 },
  Aloka: { width: 256, height: 192 },
  Other: { width: 288, height: 216 },
  Algeria: { width: 250, height: 215 },
  Egypt: { width: 200, height: 225 },
  Ghana: { width: 250, height: 250 },
  Malawi: { width: 250, height: 200 },
  Uganda: { width: 300, height: 250 },
};

/**
 * Planted sizes: one wider and flatter Aloka image and one Egypt image, each the only one of its
 * size; and Malawi made of three sizes so that its lower and upper median widths differ (half of
 * its images at 250 wide, one at 260 and the rest at 270: the lower middle is 250, the upper 260).
 */
const MALAWI = africanNames('Malawi');
const VIEW_ODD_FETAL: readonly OddSize[] = [
  { name: 'Patient00001_Plane1_11_of_15', width: 1000, height: 150 },
];
const VIEW_ODD_AFRICAN: readonly OddSize[] = [
  { name: 'patient001_EGY_plane2', width: 203, height: 221 },
  ...MALAWI.slice(0, 1).map((name) => ({ name, width: 260, height: 190 })),
  ...MALAWI.slice(1, MALAWI.length / 2).map((name) => ({ name, width: 270, height: 210 })),
];

export const FOLDERS = {
  /** Both published datasets in full, 12,850 rows, with one of every flaw a real folder has. */
  both: {
    seed: 3,
    fetal: {
      missing: 3,
      zeroByte: 1,
      truncated: 1,
      jpegAsPng: 1,
      duplicated: 1,
      badRows: ['fields'],
    },
    african: { missing: 1, truncated: 1, badRows: ['value'] },
    extra: [FETAL_COPY, STRAY_SCAN],
    litter: true,
  },
  /** Every other row of the African set in country folders: small enough for OPFS. */
  'african-small': {
    seed: 5,
    african: { rows: { every: 2 }, missing: 1 },
  },
  /**
   * Every tenth FETAL_PLANES_DB row (1,240 images, all four machines, series of up to 8 frames
   * kept of 71) and the whole African set in country folders (450): a size per machine and per
   * country, planted odd sizes, no other flaw. For the charts, size tables, table and viewer.
   */
  views: {
    seed: 11,
    fetal: { rows: { every: 10 }, size: { by: VIEW_SIZES }, oddSizes: VIEW_ODD_FETAL },
    african: { size: { by: VIEW_SIZES }, oddSizes: VIEW_ODD_AFRICAN },
  },
  /**
   * 156 FETAL_PLANES_DB rows and 65 African rows whose pictures all look different, with one of
   * each finding of the Audit tab planted (see AUDIT_FOLDER).
   */
  audit: AUDIT_FOLDER,
} satisfies Record<string, FolderOptions>;

export type FolderName = keyof typeof FOLDERS;

/** What is stored beside a generated folder: the key it was made with, and its manifest. */
interface Stored {
  readonly key: string;
  readonly manifest: Manifest;
}

/**
 * The manifest of fixture folder `name` under FIXTURE_ROOT. Generates the folder when it is absent,
 * was made from other options or another generator, or lost or changed a file; else reuses it.
 */
export async function fixtureFolder(name: FolderName): Promise<Manifest> {
  const out = join(FIXTURE_ROOT, name);
  const manifestPath = `${out}.manifest.json`;
  const key = await generatorKey(FOLDERS[name]);
  const stored = await readStored(manifestPath);
  if (stored?.key === key && (await filesIntact(stored.manifest))) return stored.manifest;

  await rm(manifestPath, { force: true });
  await rm(out, { recursive: true, force: true });
  await mkdir(FIXTURE_ROOT, { recursive: true });
  const started = performance.now();
  const manifest = await generateFolder({
    ...FOLDERS[name],
    out,
    log: (message) => console.log(`[fixtures] ${message}`),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`[fixtures] ${name}: ${manifest.files.length} files in ${seconds} s`);
  await writeFile(manifestPath, JSON.stringify({ key, manifest } satisfies Stored));
  return manifest;
}

export type { AuditPlan, OddSizeExpected, UnreadableKind } from '../fixtures/audit.ts';

/**
 * The Audit tab's folder (generated as fixtureFolder does): its absolute path, its manifest, and
 * what its audit must list under each heading, and nothing more (see auditPlan).
 */
export async function auditFolder(): Promise<{
  readonly path: string;
  readonly manifest: Manifest;
  readonly expected: AuditPlan;
}> {
  const manifest = await fixtureFolder('audit');
  return { path: manifest.out, manifest, expected: auditPlan(manifest) };
}

/** A folder holding no dataset CSV at all, for the "no dataset found" notice. */
export async function folderWithoutDataset(): Promise<string> {
  const out = join(FIXTURE_ROOT, 'no-dataset');
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'notes.txt'), 'Scans to sort out later.\n');
  await writeFile(join(out, 'list.csv'), 'name,size\nscan1,12\n');
  return out;
}

/** The options plus a hash of the generator's sources and the published CSVs it reads. */
async function generatorKey(options: FolderOptions): Promise<string> {
  const dir = new URL('../fixtures/', import.meta.url);
  const names = (await readdir(dir)).filter((file) => /\.(ts|csv)$/.test(file)).sort();
  const hash = createHash('sha256');
  for (const file of names) hash.update(file).update(await readFile(new URL(file, dir)));
  return `${JSON.stringify(options)}:${hash.digest('hex')}`;
}

async function readStored(path: string): Promise<Stored | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Stored;
  } catch {
    return null;
  }
}

/** Every file of the manifest still there with its size; no file in the folder beyond them. */
async function filesIntact(manifest: Manifest): Promise<boolean> {
  const sizes = new Map(manifest.files.map((file) => [file.path, file.bytes]));
  const onDisk = await readdir(manifest.out, { recursive: true, withFileTypes: true }).catch(
    () => [],
  );
  const files = onDisk.filter((entry) => entry.isFile());
  if (files.length !== sizes.size) return false;
  const checks = files.map(async (entry) => {
    const full = join(entry.parentPath, entry.name);
    const relative = full
      .slice(manifest.out.length + 1)
      .split('\\')
      .join('/');
    const expected = sizes.get(relative);
    return expected !== undefined && (await stat(full)).size === expected;
  });
  return (await Promise.all(checks)).every(Boolean);
}
