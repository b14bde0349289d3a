import fc from 'fast-check';
import { crc32 } from '../../src/core/crc32.ts';
import { PNG_HEADER_BYTES, checkPngEnd, readPngHeader } from '../../src/core/png.ts';
import { encodeGrayPng } from '../fixtures/png-encode.ts';
import { createRandom } from '../fixtures/random.ts';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const MAX = 2 ** 31 - 1;

/** Colour type and the bit depths the PNG specification allows with it. */
const ALLOWED: ReadonlyArray<readonly [colorType: number, bitDepths: readonly number[]]> = [
  [0, [1, 2, 4, 8, 16]],
  [2, [8, 16]],
  [3, [1, 2, 4, 8]],
  [4, [8, 16]],
  [6, [8, 16]],
];
const VALID_PAIRS = ALLOWED.flatMap(([colorType, depths]) =>
  depths.map((bitDepth) => [bitDepth, colorType] as const),
);

type Field = 'width' | 'height' | 'bitDepth' | 'colorType' | 'compression' | 'filter' | 'interlace';

/** IHDR fields, and overrides of the chunk's length, type and CRC to break it. */
type HeaderFields = Partial<Record<Field | 'length' | 'crc', number>> & { type?: string };

/** The signature and an IHDR chunk, with a correct CRC unless `crc` is given. */
function header(fields: HeaderFields = {}): Uint8Array {
  const bytes = new Uint8Array(PNG_HEADER_BYTES);
  const view = new DataView(bytes.buffer);
  bytes.set(SIGNATURE);
  view.setUint32(8, fields.length ?? 13);
  bytes.set(ascii(fields.type ?? 'IHDR'), 12);
  view.setUint32(16, fields.width ?? 800);
  view.setUint32(20, fields.height ?? 600);
  bytes.set(
    [
      fields.bitDepth ?? 8,
      fields.colorType ?? 0,
      fields.compression ?? 0,
      fields.filter ?? 0,
      fields.interlace ?? 0,
    ],
    24,
  );
  view.setUint32(29, fields.crc ?? crc32(bytes.subarray(12, 29)));
  return bytes;
}

function ascii(text: string): number[] {
  return Array.from(text, (char) => char.charCodeAt(0));
}

function bytesOf(...parts: ReadonlyArray<string | readonly number[]>): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? ascii(part) : part)));
}

function padded(start: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(100);
  bytes.set(start);
  return bytes;
}

describe('crc32', () => {
  it('gives the standard check value of "123456789"', () => {
    expect(crc32(bytesOf('123456789'))).toBe(0xcbf43926);
  });

  it('gives 0 for no bytes', () => {
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('gives the CRC every PNG stores after its IEND chunk type', () => {
    expect(crc32(bytesOf('IEND'))).toBe(0xae426082);
  });
});

describe('readPngHeader', () => {
  it('reads the size and pixel format of a valid header', () => {
    expect(readPngHeader(header({ width: 800, height: 600 }))).toEqual({
      ok: true,
      value: { width: 800, height: 600, bitDepth: 8, colorType: 0 },
    });
  });

  it('reads a header whose CRC another implementation computed', () => {
    const hex = '89504e470d0a1a0a0000000d4948445200000320000002580800000000bf1dddac';
    const bytes = Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
    expect(readPngHeader(bytes)).toEqual({
      ok: true,
      value: { width: 800, height: 600, bitDepth: 8, colorType: 0 },
    });
  });

  it('reads a complete 1x1 RGBA PNG and ignores the bytes after the header', () => {
    const base64 =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const file = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    expect(readPngHeader(file, file.length)).toEqual({
      ok: true,
      value: { width: 1, height: 1, bitDepth: 8, colorType: 6 },
    });
  });

  it('reads a header that starts inside a larger buffer', () => {
    const buffer = new Uint8Array(200);
    buffer.set(header({ width: 3, height: 2 }), 50);
    const result = readPngHeader(buffer.subarray(50));
    expect(result.ok && result.value).toEqual({ width: 3, height: 2, bitDepth: 8, colorType: 0 });
  });

  it.each(VALID_PAIRS)('accepts bit depth %i with colour type %i', (bitDepth, colorType) => {
    expect(readPngHeader(header({ bitDepth, colorType })).ok).toBe(true);
  });

  it.each([
    [16, 3, 'invalid PNG header: bit depth 16 is not allowed for indexed-colour (colour type 3)'],
    [4, 2, 'invalid PNG header: bit depth 4 is not allowed for truecolour (colour type 2)'],
    [
      1,
      4,
      'invalid PNG header: bit depth 1 is not allowed for greyscale with alpha (colour type 4)',
    ],
    [
      2,
      6,
      'invalid PNG header: bit depth 2 is not allowed for truecolour with alpha (colour type 6)',
    ],
    [3, 0, 'invalid PNG header: bit depth 3 is not allowed for greyscale (colour type 0)'],
    [8, 1, 'invalid PNG header: unknown colour type 1'],
    [8, 5, 'invalid PNG header: unknown colour type 5'],
  ])('rejects bit depth %i with colour type %i', (bitDepth, colorType, reason) => {
    expect(readPngHeader(header({ bitDepth, colorType }))).toEqual({ ok: false, reason });
  });

  it('says a zero-byte file is empty', () => {
    expect(readPngHeader(new Uint8Array())).toEqual({ ok: false, reason: 'empty file (0 bytes)' });
    expect(readPngHeader(new Uint8Array(), 0)).toEqual({
      ok: false,
      reason: 'empty file (0 bytes)',
    });
  });

  it('says a file cut inside its header is truncated', () => {
    expect(readPngHeader(header().subarray(0, 20))).toEqual({
      ok: false,
      reason: 'truncated: only 20 bytes, a PNG header needs 33',
    });
    expect(readPngHeader(bytesOf(SIGNATURE.slice(0, 5)))).toEqual({
      ok: false,
      reason: 'truncated: only 5 bytes, a PNG header needs 33',
    });
  });

  it('says a file shorter than any complete PNG is truncated when its size is known', () => {
    expect(readPngHeader(header(), 50)).toEqual({
      ok: false,
      reason: 'truncated: only 50 bytes, a complete PNG needs at least 67',
    });
    expect(readPngHeader(header(), 67).ok).toBe(true);
  });

  it.each([
    ['JPEG', bytesOf([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF')],
    ['GIF', bytesOf('GIF89a', [1, 0, 1, 0])],
    ['WebP', bytesOf('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ')],
    ['BMP', bytesOf('BM', [0x36, 0, 0, 0])],
    ['TIFF', bytesOf('II*', [0, 8, 0, 0, 0])],
    ['TIFF', bytesOf('MM', [0, 0x2a, 0, 0, 0, 8])],
  ])('names a %s file renamed to .png', (format, start) => {
    expect(readPngHeader(padded(start), 100)).toEqual({
      ok: false,
      reason: `a ${format} file named .png`,
    });
  });

  it('says any other file has a bad signature', () => {
    const reason = 'not a PNG (bad signature)';
    expect(readPngHeader(padded(bytesOf('Image_name;Patient_num')))).toEqual({ ok: false, reason });
    expect(readPngHeader(bytesOf('x'))).toEqual({ ok: false, reason });
    const damaged = header().with(4, 0x0a);
    expect(readPngHeader(damaged)).toEqual({ ok: false, reason });
  });

  it('says when the first chunk is not IHDR', () => {
    expect(readPngHeader(header({ type: 'IDAT' }))).toEqual({
      ok: false,
      reason: 'corrupt PNG header: the first chunk is "IDAT", not IHDR',
    });
    expect(readPngHeader(header({ type: '\0\x01ab' }))).toEqual({
      ok: false,
      reason: 'corrupt PNG header: the first chunk is 00 01 61 62, not IHDR',
    });
  });

  it('says when IHDR does not hold 13 bytes', () => {
    expect(readPngHeader(header({ length: 12 }))).toEqual({
      ok: false,
      reason: 'corrupt PNG header: IHDR holds 12 bytes, not 13',
    });
  });

  it('says when the IHDR checksum does not match', () => {
    expect(readPngHeader(header({ crc: 0x12345678 }))).toEqual({
      ok: false,
      reason: 'corrupt PNG header: its checksum does not match',
    });
  });

  it.each([
    [0, 600],
    [800, 0],
    [2 ** 31, 600],
    [800, 2 ** 32 - 1],
  ])('rejects a size of %i x %i pixels', (width, height) => {
    expect(readPngHeader(header({ width, height }))).toEqual({
      ok: false,
      reason: `invalid PNG header: a size of ${width}x${height} pixels`,
    });
  });

  it('accepts the largest size the specification allows', () => {
    expect(readPngHeader(header({ width: MAX, height: MAX })).ok).toBe(true);
  });

  it('rejects an unknown compression, filter or interlace method', () => {
    expect(readPngHeader(header({ compression: 1 }))).toEqual({
      ok: false,
      reason: 'invalid PNG header: unknown compression method',
    });
    expect(readPngHeader(header({ filter: 1 }))).toEqual({
      ok: false,
      reason: 'invalid PNG header: unknown filter method',
    });
    expect(readPngHeader(header({ interlace: 2 }))).toEqual({
      ok: false,
      reason: 'invalid PNG header: unknown interlace method',
    });
    expect(readPngHeader(header({ interlace: 1 })).ok).toBe(true);
  });
});

describe('readPngHeader, on generated input', () => {
  const validSize = (result: ReturnType<typeof readPngHeader>) =>
    !result.ok ||
    (result.value.width > 0 &&
      result.value.height > 0 &&
      result.value.width <= MAX &&
      result.value.height <= MAX);

  it('returns a result for any bytes, never throwing, and a positive size when ok', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 80 }),
        fc.option(fc.nat(), { nil: undefined }),
        (bytes, fileSize) => {
          const result = readPngHeader(bytes, fileSize);
          expect(typeof result.ok).toBe('boolean');
          expect(validSize(result)).toBe(true);
        },
      ),
    );
  });

  it('returns a result for any mutation of a valid header, and a positive size when ok', () => {
    const mutation = fc.array(fc.tuple(fc.nat({ max: PNG_HEADER_BYTES - 1 }), fc.nat(255)));
    fc.assert(
      fc.property(mutation, fc.nat({ max: PNG_HEADER_BYTES }), (changes, length) => {
        const bytes = header();
        for (const [index, value] of changes) bytes[index] = value;
        expect(validSize(readPngHeader(bytes.subarray(0, length)))).toBe(true);
        expect(validSize(readPngHeader(bytes, 1000))).toBe(true);
      }),
    );
  });

  it('rejects a header with any one byte changed', () => {
    const change = fc.tuple(
      fc.nat({ max: PNG_HEADER_BYTES - 1 }),
      fc.integer({ min: 1, max: 255 }),
    );
    fc.assert(
      fc.property(change, ([index, flip]) => {
        const bytes = header();
        bytes[index] = (bytes[index] ?? 0) ^ flip;
        expect(readPngHeader(bytes).ok).toBe(false);
      }),
    );
  });

  it('reads back any valid size and pixel format', () => {
    const dimension = fc.integer({ min: 1, max: MAX });
    fc.assert(
      fc.property(dimension, dimension, fc.constantFrom(...VALID_PAIRS), (width, height, pair) => {
        const [bitDepth, colorType] = pair;
        expect(readPngHeader(header({ width, height, bitDepth, colorType }))).toEqual({
          ok: true,
          value: { width, height, bitDepth, colorType },
        });
      }),
    );
  });
});

describe('checkPngEnd', () => {
  // 64 × 64 seeded noise: it hardly compresses, so the file is longer than the 1,024 bytes searched.
  const random = createRandom(7);
  const pixels = Uint8Array.from({ length: 64 * 64 }, () => Math.floor(256 * random()));
  const png = encodeGrayPng(pixels, 64, 64);
  const appended = (count: number) =>
    Uint8Array.from([...png, ...new Array<number>(count).fill(0)]);

  it('finds a complete PNG complete', () => {
    expect(png.length).toBeGreaterThan(2048);
    expect(checkPngEnd(png)).toBeNull();
  });

  it('accepts bytes some tools append after IEND, while IEND starts in the last 1,024 bytes', () => {
    expect(checkPngEnd(appended(5))).toBeNull();
    // IEND's 12 bytes and 1,012 more: the chunk starts exactly 1,024 bytes from the end.
    expect(checkPngEnd(appended(1012))).toBeNull();
    expect(checkPngEnd(appended(1013))).toBe(
      `truncated: the file ends before its image data does (${png.length + 1013} bytes)`,
    );
  });

  it('says a file cut short is truncated, with its length', () => {
    const half = png.subarray(0, Math.floor(png.length / 2));
    // Without the last 5 bytes the file ends inside IEND's type; without 4, before its checksum.
    const cuts = [half, png.subarray(0, png.length - 5), png.subarray(0, png.length - 4)];
    for (const cut of cuts) {
      const reason = checkPngEnd(cut);
      expect(reason).toMatch(/^truncated/);
      expect(reason).toContain(`(${cut.length} bytes)`);
    }
  });

  it('says a file of no more than its header is truncated', () => {
    expect(checkPngEnd(png.subarray(0, PNG_HEADER_BYTES))).toMatch(/^truncated.*\(33 bytes\)$/);
    expect(checkPngEnd(new Uint8Array())).toMatch(/^truncated.*\(0 bytes\)$/);
  });

  it('looks for IEND only after the header', () => {
    // An IEND chunk where the IHDR chunk belongs, right after the signature.
    const early = Uint8Array.from([
      ...png.subarray(0, 8),
      0,
      0,
      0,
      0,
      ...bytesOf('IEND'),
      0,
      0,
      0,
      0,
    ]);
    expect(checkPngEnd(early)).toMatch(/^truncated/);
    // The same chunk after a whole header is the end.
    const late = Uint8Array.from([...png.subarray(0, PNG_HEADER_BYTES), ...png.subarray(-12)]);
    expect(checkPngEnd(late)).toBeNull();
  });
});
