// The app's load and audit run in node over a folder on disk, for tests of generated folders:
// PNGs decoded here (the generator's unfiltered greyscale only) and scaled by area, where the
// browser draws the thumbnail bitmap at 32 x 32.

import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { inflateSync } from 'node:zlib';
import { runAudit } from '../../src/core/audit/audit.ts';
import { centeredHashes, lowFrequencies, lumaOf, PHASH_SIDE } from '../../src/core/audit/phash.ts';
import { buildIndex, setImageSize } from '../../src/core/datasetIndex.ts';
import { loadFolder } from '../../src/core/join.ts';
import { readPngHeader } from '../../src/core/png.ts';
import type { FileMeta, Problem } from '../../src/core/types.ts';

/** The app's load and audit, run in node over the written folder; pixels scaled by area. */
export async function auditInNode(root: string) {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files: FileMeta[] = [];
  for (const entry of entries.filter((e) => e.isFile())) {
    const full = join(entry.parentPath, entry.name);
    const path = posix.relative(root, full.split('\\').join('/'));
    files.push({ path, size: (await stat(full)).size, lastModified: 1 });
  }
  const joined = await loadFolder(files, (path) => readFile(join(root, path), 'utf8'));
  const index = buildIndex(joined.records, (path) => files.some((file) => file.path === path));

  const problems: Problem[] = [...joined.problems];
  const content: (string | undefined)[] = [];
  const frequencies: (Float32Array | undefined)[] = [];
  for (const [id, file] of joined.files.entries()) {
    if (file === null) continue;
    const bytes = new Uint8Array(await readFile(join(root, file.path)));
    const header = readPngHeader(bytes, bytes.length);
    if (!header.ok) {
      const { reason } = header;
      problems.push({ kind: 'unreadable-image', file: file.path, message: reason, reason });
      continue;
    }
    setImageSize(index, id, header.value.width, header.value.height, bytes.length);
    content[id] = createHash('sha256').update(bytes).digest('hex');
    frequencies[id] = lowFrequencies(lumaOf(areaScaled(decodeGray(bytes))));
  }
  const audit = runAudit(index, { problems, contentHashes: content, frequencies });
  return { index, audit, hashes: centeredHashes(frequencies), content };
}

/** The pixels of an 8-bit greyscale PNG whose rows are all unfiltered, as the generator writes. */
function decodeGray(png: Uint8Array) {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const data: Uint8Array[] = [];
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (type === 'IDAT') data.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    if (raw[y * (width + 1)] !== 0) throw new Error('a filtered row');
    pixels.set(raw.subarray(y * (width + 1) + 1, (y + 1) * (width + 1)), y * width);
  }
  return { width, height, pixels };
}

/** RGBA of the image averaged over PHASH_SIDE² cells, each pixel counted in the cell it falls in. */
function areaScaled({ width, height, pixels }: ReturnType<typeof decodeGray>): Uint8Array {
  const side = PHASH_SIDE;
  const sums = new Float64Array(side * side);
  const counts = new Float64Array(side * side);
  for (let y = 0; y < height; y++) {
    const row = Math.floor((y * side) / height) * side;
    for (let x = 0; x < width; x++) {
      const cell = row + Math.floor((x * side) / width);
      sums[cell] = (sums[cell] ?? 0) + (pixels[y * width + x] ?? 0);
      counts[cell] = (counts[cell] ?? 0) + 1;
    }
  }
  const rgba = new Uint8Array(side * side * 4);
  sums.forEach((sum, cell) =>
    rgba.fill(Math.round(sum / (counts[cell] ?? 1)), cell * 4, cell * 4 + 3),
  );
  return rgba;
}
