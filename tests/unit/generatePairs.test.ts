import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateFolder } from '../fixtures/generate.ts';
import { HAZE_DISTANCE, HAZE_WORDS, hazeWord } from '../fixtures/haze.ts';
import { ultrasoundPng } from '../fixtures/png-encode.ts';

let scratch = '';

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'planescope-pairs-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('hazeWord', () => {
  it('draws balanced words at least HAZE_DISTANCE bits apart, the same on every call', () => {
    const words = Array.from({ length: 300 }, (_, i) => hazeWord(i));
    expect(words.every((word) => word.length === 64 && word[0] === 0)).toBe(true);
    expect(words.every((word) => word.filter((sign) => sign > 0).length === 31)).toBe(true);
    let closest = 64;
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) {
        const apart = words[i]?.filter((sign, k) => sign !== words[j]?.[k]).length ?? 0;
        closest = Math.min(closest, apart);
      }
    }
    expect(closest).toBeGreaterThanOrEqual(HAZE_DISTANCE);
    expect(hazeWord(HAZE_WORDS + 5)).toEqual(hazeWord(5));
  });
});

describe('generateFolder, for the audit', () => {
  let folders = 0;
  const out = () => join(scratch, `folder-${++folders}`);

  it('draws plain pictures as before: haze, speckle and gain are opt-in', () => {
    const png = ultrasoundPng({ width: 64, height: 48, seed: 1 });
    expect(createHash('sha256').update(png).digest('hex')).toBe(
      'e77e061bebb1a62b66806e20fbc59cf56a315fe6d3657183f2a92b57a494a10c',
    );
  });

  it('keeps the rows named in rows.also and records leaks, copies and near copies', async () => {
    const written = await generateFolder({
      out: out(),
      pictures: 'distinct',
      african: {
        rows: { every: 100, also: ['patient004_DZA_plane1'] },
        leaks: ['patient004_DZA_plane1'],
        copies: [{ from: 'patient001_DZA_plane0', to: 'patient001_EGY_plane0' }],
        nearCopies: [{ from: 'patient001_DZA_plane0', to: 'patient001_MWI_plane2' }],
      },
    });
    const text = await readFile(join(written.out, 'African_planes_database.csv'), 'utf8');
    expect(text.split('\n').filter((line) => line.includes('patient004_DZA'))).toEqual([
      '4,Fetal brain,1,Algeria,patient004_DZA_plane1',
    ]);
    expect(written.flaws.map((flaw) => [flaw.kind, 'path' in flaw ? flaw.path : ''])).toEqual([
      ['byte-copy', 'Egypt/patient001_EGY_plane0.png'],
      ['near-copy', 'Malawi/patient001_MWI_plane2.png'],
      ['leak', 'Algeria/patient004_DZA_plane1.png'],
    ]);
    const bytes = (path: string) => readFile(join(written.out, path));
    expect(await bytes('Egypt/patient001_EGY_plane0.png')).toEqual(
      await bytes('Algeria/patient001_DZA_plane0.png'),
    );
  });

  it('refuses names it does not keep, a copy of a copy, and pooled distinct pictures', async () => {
    await expect(
      generateFolder({ out: out(), african: { rows: { every: 2, also: ['nobody'] } } }),
    ).rejects.toThrow('rows.also names nobody, which no row has');
    await expect(
      generateFolder({ out: out(), african: { rows: { first: 3 }, leaks: ['nobody'] } }),
    ).rejects.toThrow('african: leaks names nobody, which is not among the rows kept');
    const [a, b, c] = ['patient001_DZA_plane0', 'patient001_DZA_plane2', 'patient001_DZA_plane1'];
    await expect(
      generateFolder({
        out: out(),
        african: {
          rows: { first: 3 },
          copies: [
            { from: a, to: b },
            { from: b, to: c },
          ],
        },
      }),
    ).rejects.toThrow(`african: ${b} is a copy, so it cannot be a source or odd size too`);
    await expect(
      generateFolder({ out: out(), pictures: 'distinct', reuse: true, african: {} }),
    ).rejects.toThrow('Distinct pictures cannot be pooled');
  });
});
