import { crc32 } from './crc32.ts';
import type { PngHeader, Result } from './types.ts';

/** Leading bytes that hold a PNG's header: the 8-byte signature and the whole IHDR chunk. */
export const PNG_HEADER_BYTES = 33;

/** Signature, IHDR, the IDAT of a 1x1 image and IEND: no complete PNG is shorter. */
const MIN_PNG_BYTES = 67;

const MAX_DIMENSION = 2 ** 31 - 1;

const PNG_SIGNATURE = '\x89PNG\r\n\x1a\n';

const ANY_BYTE = '?'.charCodeAt(0);

/** Formats users rename to `.png`, by the bytes they start with (latin-1; `?` is any byte). */
const FOREIGN_SIGNATURES: ReadonlyArray<readonly [format: string, pattern: string]> = [
  ['JPEG', '\xff\xd8\xff'],
  ['GIF', 'GIF8'],
  ['WebP', 'RIFF????WEBP'],
  ['BMP', 'BM'],
  ['TIFF', 'II*\0'],
  ['TIFF', 'MM\0*'],
];

interface ColourType {
  readonly name: string;
  readonly bitDepths: readonly number[];
}

/** The bit depths the PNG specification allows for each colour type. */
const COLOUR_TYPES: Readonly<Record<number, ColourType>> = {
  0: { name: 'greyscale', bitDepths: [1, 2, 4, 8, 16] },
  2: { name: 'truecolour', bitDepths: [8, 16] },
  3: { name: 'indexed-colour', bitDepths: [1, 2, 4, 8] },
  4: { name: 'greyscale with alpha', bitDepths: [8, 16] },
  6: { name: 'truecolour with alpha', bitDepths: [8, 16] },
};

/**
 * Reads width, height, bit depth and colour type from the first bytes of a file that should be a
 * PNG. Takes at least the first `PNG_HEADER_BYTES` bytes (more are ignored) and, when known, the
 * file's full size, which lets it tell a file cut short after its header. Returns the header, or
 * a reason a user can read (empty, truncated, another image format, corrupt or invalid header);
 * checks the IHDR checksum. Never throws.
 */
export function readPngHeader(bytes: Uint8Array, fileSize?: number): Result<PngHeader> {
  if ((fileSize ?? bytes.length) === 0) return fail('empty file (0 bytes)');

  const foreign = FOREIGN_SIGNATURES.find(([, pattern]) => matchesAt(bytes, 0, pattern));
  if (foreign) return fail(`a ${foreign[0]} file named .png`);

  const signature = PNG_SIGNATURE.slice(0, Math.min(bytes.length, PNG_SIGNATURE.length));
  if (!matchesAt(bytes, 0, signature)) return fail('not a PNG (bad signature)');
  if (bytes.length < PNG_HEADER_BYTES) {
    return fail(`truncated: only ${bytes.length} bytes, a PNG header needs ${PNG_HEADER_BYTES}`);
  }
  if (fileSize !== undefined && fileSize < MIN_PNG_BYTES) {
    return fail(
      `truncated: only ${fileSize} bytes, a complete PNG needs at least ${MIN_PNG_BYTES}`,
    );
  }

  return readIhdr(bytes);
}

/** Checks the IHDR chunk that follows a valid signature in at least PNG_HEADER_BYTES bytes. */
function readIhdr(bytes: Uint8Array): Result<PngHeader> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, PNG_HEADER_BYTES);

  if (!matchesAt(bytes, 12, 'IHDR')) {
    return fail(`corrupt PNG header: the first chunk is ${chunkName(bytes)}, not IHDR`);
  }
  const length = view.getUint32(8);
  if (length !== 13) return fail(`corrupt PNG header: IHDR holds ${length} bytes, not 13`);
  if (crc32(bytes.subarray(12, 29)) !== view.getUint32(29)) {
    return fail('corrupt PNG header: its checksum does not match');
  }

  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0 || width > MAX_DIMENSION || height > MAX_DIMENSION) {
    return fail(`invalid PNG header: a size of ${width}x${height} pixels`);
  }

  const bitDepth = view.getUint8(24);
  const colorType = view.getUint8(25);
  const colour = COLOUR_TYPES[colorType];
  if (!colour) return fail(`invalid PNG header: unknown colour type ${colorType}`);
  if (!colour.bitDepths.includes(bitDepth)) {
    return fail(
      `invalid PNG header: bit depth ${bitDepth} is not allowed for ${colour.name} ` +
        `(colour type ${colorType})`,
    );
  }

  if (view.getUint8(26) !== 0) return fail('invalid PNG header: unknown compression method');
  if (view.getUint8(27) !== 0) return fail('invalid PNG header: unknown filter method');
  if (view.getUint8(28) > 1) return fail('invalid PNG header: unknown interlace method');

  return { ok: true, value: { width, height, bitDepth, colorType } };
}

/** Whether `bytes` hold `pattern` (latin-1 text, `?` for any byte) at `offset`. */
function matchesAt(bytes: Uint8Array, offset: number, pattern: string): boolean {
  if (offset + pattern.length > bytes.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    if (code !== ANY_BYTE && bytes[offset + i] !== code) return false;
  }
  return true;
}

/** The chunk type at bytes 12-15 as text when it is letters, else as hex. */
function chunkName(bytes: Uint8Array): string {
  const type = bytes.subarray(12, 16);
  const letters = String.fromCharCode(...type);
  if (/^[A-Za-z]{4}$/.test(letters)) return `"${letters}"`;
  return Array.from(type, (byte) => byte.toString(16).padStart(2, '0')).join(' ');
}

function fail(reason: string): Result<never> {
  return { ok: false, reason };
}

// How far from the end an IEND chunk is looked for: some tools append a few bytes after it.
const END_SEARCH_BYTES = 1024;
const IEND = 'IEND';

/**
 * Takes a whole PNG file's bytes; returns null when its image data is complete (an IEND chunk
 * starts within the last 1,024 bytes), else the reason a user can read: a file cut short decodes,
 * if at all, to a partly grey picture. O(1,024); never throws.
 */
export function checkPngEnd(bytes: Uint8Array): string | null {
  const from = Math.max(PNG_HEADER_BYTES, bytes.length - END_SEARCH_BYTES);
  // The chunk type sits 4 bytes into a chunk, after its length, and IEND has no data: 12 bytes.
  for (let at = bytes.length - 8; at >= from + 4; at--) {
    if (matchesAt(bytes, at, IEND)) return null;
  }
  return `truncated: the file ends before its image data does (${bytes.length} bytes)`;
}
