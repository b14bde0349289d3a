import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { readPngHeader } from '../../src/core/png.ts';
import { generateFolder } from '../fixtures/generate.ts';
import { grayJpeg } from '../fixtures/jpeg.ts';
import { ultrasoundPng } from '../fixtures/png-encode.ts';
import { REAL_SIZES } from '../fixtures/spec.ts';
import type { Flaw, GenerateOptions, Manifest } from '../fixtures/spec.ts';
import { checkFreeSpace } from '../fixtures/write.ts';

let scratch = '';
let folders = 0;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'planescope-generate-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Generates into a new folder of the scratch directory. */
function generate(options: Omit<GenerateOptions, 'out'>): Promise<Manifest> {
  return generateFolder({ ...options, out: join(scratch, `folder-${++folders}`) });
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => posix.relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

function read(manifest: Manifest, path: string): Promise<Uint8Array> {
  return readFile(join(manifest.out, path));
}

function digest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function flawsOf<K extends Flaw['kind']>(manifest: Manifest, kind: K) {
  return manifest.flaws.filter((flaw): flaw is Flaw & { kind: K } => flaw.kind === kind);
}

describe('generateFolder', () => {
  let broken: Manifest;

  beforeAll(async () => {
    broken = await generate({
      fetal: { rows: { first: 24 }, missing: 2, zeroByte: 1, truncated: 3, jpegAsPng: 1 },
      african: { rows: { every: 30 }, duplicated: 2, size: REAL_SIZES },
      extra: ['FETAL_PLANES_DB/Images/Patient00001_Plane1_1_of_15 (1).png', 'scan_0001.png'],
      litter: true,
    });
  });

  it('writes exactly the files its manifest lists, at the sizes it lists', async () => {
    expect(await listFiles(broken.out)).toEqual(broken.files.map((file) => file.path));
    for (const file of broken.files) {
      expect((await stat(join(broken.out, file.path))).size).toBe(file.bytes);
    }
  });

  it('writes PNGs whose headers read back at the size the manifest gives', async () => {
    expect(broken.images.length).toBeGreaterThan(30);
    for (const image of broken.images) {
      const bytes = await read(broken, image.path);
      expect(bytes.length).toBe(image.bytes);
      const header = readPngHeader(bytes, bytes.length);
      expect(header.ok && [header.value.width, header.value.height]).toEqual([
        image.width,
        image.height,
      ]);
    }
  });

  it('puts each dataset in its own root, with the published CSV names', () => {
    expect(broken.csvs).toEqual([
      {
        path: 'FETAL_PLANES_DB/FETAL_PLANES_DB_data.csv',
        dataset: 'fetal',
        rows: 24,
        variants: [],
      },
      {
        path: 'African_planes/African_planes_database.csv',
        dataset: 'african',
        rows: 15,
        variants: [],
      },
    ]);
  });

  it('sizes African images by country as the dataset card does', () => {
    const card: Record<string, string> = {
      DZA: '500x430',
      EGY: '400x450',
      GHA: '500x500',
      MWI: '500x400',
      UGA: '600x500',
    };
    const african = broken.images.filter((image) => image.dataset === 'african');
    expect(african).toHaveLength(15 + 2);
    for (const { name, width, height } of african) {
      expect(`${width}x${height}`).toBe(card[name?.split('_')[1] ?? '']);
    }
  });

  it('leaves out the images of missing rows', async () => {
    const missing = flawsOf(broken, 'missing');
    expect(missing).toHaveLength(2);
    const files = new Set(await listFiles(broken.out));
    for (const flaw of missing) expect(files.has(flaw.path)).toBe(false);
  });

  it('writes zero-byte, truncated and JPEG files, all rejected by their header but one cut halfway', async () => {
    const reasons = async (kind: 'zero-byte' | 'truncated' | 'jpeg-as-png') => {
      const files = await Promise.all(flawsOf(broken, kind).map((flaw) => read(broken, flaw.path)));
      return files
        .map((bytes) => readPngHeader(bytes, bytes.length))
        .map((header) => (header.ok ? 'readable' : header.reason))
        .sort();
    };
    expect(await reasons('zero-byte')).toEqual(['empty file (0 bytes)']);
    expect(await reasons('jpeg-as-png')).toEqual(['a JPEG file named .png']);
    expect(await reasons('truncated')).toEqual([
      'readable',
      'truncated: only 20 bytes, a PNG header needs 33',
      'truncated: only 50 bytes, a complete PNG needs at least 67',
    ]);
  });

  it('writes a duplicated image at a second path under the same file name', async () => {
    const duplicated = flawsOf(broken, 'duplicated');
    expect(duplicated).toHaveLength(2);
    for (const { path, copy } of duplicated) {
      expect(posix.basename(copy)).toBe(posix.basename(path));
      expect(copy.split('/')[1]).toBe('Images');
      expect(digest(await read(broken, copy))).toBe(digest(await read(broken, path)));
    }
  });

  it('writes extra files, a "(1)" copy repeating the bytes of its original', async () => {
    expect(flawsOf(broken, 'extra').map((flaw) => flaw.path)).toEqual([
      'FETAL_PLANES_DB/Images/Patient00001_Plane1_1_of_15 (1).png',
      'scan_0001.png',
    ]);
    expect(
      await read(broken, 'FETAL_PLANES_DB/Images/Patient00001_Plane1_1_of_15 (1).png'),
    ).toEqual(await read(broken, 'FETAL_PLANES_DB/Images/Patient00001_Plane1_1_of_15.png'));
  });

  it('writes the litter an operating system leaves', () => {
    expect(flawsOf(broken, 'litter').map((flaw) => flaw.path)).toEqual([
      '.DS_Store',
      'desktop.ini',
      'FETAL_PLANES_DB/Images/.DS_Store',
      'FETAL_PLANES_DB/Images/Thumbs.db',
      '__MACOSX/FETAL_PLANES_DB/Images/._Patient00001_Plane1_1_of_15.png',
      '.hidden/Patient00001_Plane1_1_of_15.png',
    ]);
  });

  it('writes one dataset at the folder root, African images flat in Images/', async () => {
    const manifest = await generate({ african: { rows: { first: 3 }, layout: 'flat' } });
    expect(await listFiles(manifest.out)).toEqual([
      'African_planes_database.csv',
      'Images/patient001_DZA_plane0.png',
      'Images/patient001_DZA_plane1.png',
      'Images/patient001_DZA_plane2.png',
    ]);
  });

  it('gives sizes by machine, by function and to the odd rows named', async () => {
    const manifest = await generate({
      fetal: {
        rows: { first: 20 },
        size: ({ machine }) =>
          machine === 'Aloka' ? { width: 30, height: 20 } : { width: 8, height: 8 },
        oddSizes: [{ name: 'Patient00001_Plane1_3_of_15', width: 7, height: 900 }],
      },
    });
    const sizes = manifest.images.map((image) => `${image.width}x${image.height}`);
    expect(sizes.slice(0, 3)).toEqual(['30x20', '30x20', '7x900']);
    expect(flawsOf(manifest, 'odd-size')).toEqual([
      {
        kind: 'odd-size',
        dataset: 'fetal',
        name: 'Patient00001_Plane1_3_of_15',
        path: 'Images/Patient00001_Plane1_3_of_15.png',
        csv: 'FETAL_PLANES_DB_data.csv',
        line: 4,
        width: 7,
        height: 900,
      },
    ]);
  });

  it('writes the same bytes for the same seed, and other pictures for another', async () => {
    const options = { fetal: { rows: { first: 5 }, truncated: 1 } } as const;
    const [first, again, other] = await Promise.all([
      generate(options),
      generate(options),
      generate({ ...options, seed: 2 }),
    ]);
    const bytes = async (manifest: Manifest) =>
      (await Promise.all(manifest.images.map((image) => read(manifest, image.path)))).map(digest);
    expect({ ...again, out: '' }).toEqual({ ...first, out: '' });
    expect(await bytes(again)).toEqual(await bytes(first));
    expect(await bytes(other)).not.toEqual(await bytes(first));
  });

  it('writes different bytes for every image, pooled pictures included', async () => {
    const manifest = await generate({ fetal: { rows: { first: 300 } }, reuse: true });
    expect(manifest.reuse).toBe(true);
    const digests = await Promise.all(
      manifest.images.map(async (image) => digest(await read(manifest, image.path))),
    );
    expect(new Set(digests).size).toBe(300);
  });

  it('refuses a folder that is not empty', async () => {
    const out = join(scratch, 'not-empty');
    await generateFolder({ out, african: { rows: { first: 1 } } });
    await expect(generateFolder({ out, african: { rows: { first: 1 } } })).rejects.toThrow(
      `Refusing to write into ${out}: the folder is not empty.`,
    );
  });

  it('refuses more flawed images than rows, and odd sizes for rows not kept', async () => {
    await expect(generate({ african: { rows: { first: 2 }, missing: 3 } })).rejects.toThrow(
      'african: 3 flawed images asked for, but only 2 rows kept',
    );
    const oddSizes = [{ name: 'patient099_UGA_plane0', width: 1, height: 1 }];
    await expect(generate({ african: { rows: { first: 2 }, oddSizes } })).rejects.toThrow(
      'african: oddSizes names patient099_UGA_plane0, which is not among the rows kept',
    );
  });
});

describe('checkFreeSpace', () => {
  it('resolves when the disk holds what is needed, even for a folder yet to be made', async () => {
    await expect(checkFreeSpace(join(scratch, 'not', 'yet'), 1)).resolves.toBeUndefined();
  });

  it('rejects with the folder and both amounts when the disk is short', async () => {
    await expect(checkFreeSpace(scratch, 1e18)).rejects.toThrow(
      new RegExp(
        `^Not enough free disk space for the fixture in ${scratch}: it needs about 1000000000000.0 MB, but [\\d.]+ MB is free\\.$`,
      ),
    );
  });
});

describe('ultrasoundPng', () => {
  it('makes an 800x600 frame of 100 to 200 KB, like the real ones', () => {
    const png = ultrasoundPng({ width: 800, height: 600, seed: 1 });
    expect(png.length).toBeGreaterThan(100_000);
    expect(png.length).toBeLessThan(200_000);
  });

  it('makes bigger files with more noise', () => {
    const sizes = [0, 0.05, 0.3].map(
      (noise) => ultrasoundPng({ width: 400, height: 300, seed: 1, noise }).length,
    );
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
  });
});

describe('grayJpeg', () => {
  it('writes a baseline JPEG whose frame header holds the size asked for', () => {
    const jpeg = grayJpeg(500, 430);
    const frame = jpeg.findIndex((byte, i) => byte === 0xff && jpeg[i + 1] === 0xc0);
    const view = new DataView(jpeg.buffer, jpeg.byteOffset);
    expect([...jpeg.subarray(0, 3), ...jpeg.subarray(-2)]).toEqual([0xff, 0xd8, 0xff, 0xff, 0xd9]);
    expect([view.getUint16(frame + 5), view.getUint16(frame + 7)]).toEqual([430, 500]);
  });
});
