import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCliArgs } from '../fixtures/cli.ts';
import { generateFolder } from '../fixtures/generate.ts';
import { REAL_SIZES } from '../fixtures/spec.ts';
import type { CsvVariant, GenerateOptions, Manifest } from '../fixtures/spec.ts';

const FETAL_CSV = new URL('../fixtures/FETAL_PLANES_DB_data.csv', import.meta.url);
const AFRICAN_CSV = new URL('../fixtures/African_planes_database.csv', import.meta.url);

let scratch = '';
let folders = 0;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'planescope-generate-csv-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function generate(options: Omit<GenerateOptions, 'out'>): Promise<Manifest> {
  return generateFolder({ ...options, out: join(scratch, `folder-${++folders}`) });
}

/** The text of the manifest's only CSV. */
async function csvText(manifest: Manifest): Promise<string> {
  const [csv] = manifest.csvs;
  return readFile(join(manifest.out, csv?.path ?? ''), 'utf8');
}

async function publishedLines(url: URL): Promise<string[]> {
  return (await readFile(url, 'utf8')).split('\n');
}

describe('generateFolder, CSV files', () => {
  it('copies both whole published CSVs byte for byte', async () => {
    const manifest = await generate({
      fetal: { metadataOnly: true },
      african: { metadataOnly: true },
    });
    // latin1 maps each byte to one character: equal strings are equal bytes, compared fast.
    const [fetal, african] = manifest.csvs.map((csv) =>
      readFile(join(manifest.out, csv.path), 'latin1'),
    );
    expect(await fetal).toBe(await readFile(FETAL_CSV, 'latin1'));
    expect(await african).toBe(await readFile(AFRICAN_CSV, 'latin1'));
    expect(manifest.csvs.map((csv) => csv.rows)).toEqual([12400, 450]);
    expect(manifest.flaws.map((flaw) => flaw.kind)).toEqual(['metadata-only', 'metadata-only']);
    expect(manifest.images).toEqual([]);
  });

  it('keeps the header and the first N rows', async () => {
    const manifest = await generate({ fetal: { rows: { first: 3 }, metadataOnly: true } });
    const lines = await publishedLines(FETAL_CSV);
    expect(await csvText(manifest)).toBe(lines.slice(0, 4).join('\n') + '\n');
  });

  it('keeps the header and every k-th row, starting with the first', async () => {
    const manifest = await generate({ african: { rows: { every: 100 } } });
    const lines = await publishedLines(AFRICAN_CSV);
    const kept = [lines[0], lines[1], lines[101], lines[201], lines[301], lines[401]];
    expect(await csvText(manifest)).toBe(kept.join('\n') + '\n');
    expect(manifest.images.map((image) => image.line)).toEqual([2, 3, 4, 5, 6]);
  });

  it('injects one FETAL_PLANES_DB row of each bad kind at the line the manifest gives', async () => {
    const manifest = await generate({ fetal: { rows: { first: 6 }, badRows: true } });
    const lines = (await csvText(manifest)).split('\n');
    const bad = manifest.flaws.flatMap((flaw) => (flaw.kind === 'bad-row' ? [flaw] : []));
    expect(bad.map(({ reason, line, column }) => [reason, lines[line - 1], column])).toEqual([
      ['fields', 'Patient09001_Plane2_1_of_1;9001;Fetal abdomen;Not A Brain;Op. 1;Aloka ', null],
      [
        'value',
        'Patient09002_Plane2_1_of_1;9002;Fetal abdomen;Not A Brain;Op. 4;Aloka;1 ',
        'Operator',
      ],
      ['name', 'Patient9003_Plane2;9003;Fetal abdomen;Not A Brain;Op. 1;Aloka;1 ', null],
      [
        'patient',
        'Patient09004_Plane2_1_of_1;10004;Fetal abdomen;Not A Brain;Op. 1;Aloka;1 ',
        'Patient_num',
      ],
    ]);
    const imaged = manifest.images.map((image) => image.name);
    expect(bad.map(({ name }) => imaged.includes(name))).toEqual([false, true, true, true]);
  });

  it('injects one African row of each bad kind at the line the manifest gives', async () => {
    const manifest = await generate({ african: { rows: { first: 2 }, badRows: true } });
    const lines = (await csvText(manifest)).split('\n');
    const bad = manifest.flaws.flatMap((flaw) => (flaw.kind === 'bad-row' ? [flaw] : []));
    expect(bad.map(({ reason, line }) => `${reason}: ${lines[line - 1]}`)).toEqual([
      'fields: 901,Fetal abdomen,1,Algeria,patient901_DZA_plane0,extra',
      'value: 902,Fetal abdomen,2,Algeria,patient902_DZA_plane0',
      'name: 903,Fetal abdomen,1,Algeria,patient903_DZA_abdomen',
      'patient: 954,Fetal abdomen,1,Algeria,patient904_DZA_plane0',
    ]);
  });

  it.each<[string, CsvVariant, string]>([
    [
      'bom',
      { bom: true },
      '\ufeffImage_name;Patient_num;Plane;Brain_plane;Operator;US_Machine;Train \n',
    ],
    [
      'crlf',
      { crlf: true },
      'Image_name;Patient_num;Plane;Brain_plane;Operator;US_Machine;Train \r\n',
    ],
    [
      'otherDelimiter',
      { otherDelimiter: true },
      'Image_name,Patient_num,Plane,Brain_plane,Operator,US_Machine,Train \n',
    ],
    [
      'quoted',
      { quoted: true },
      '"Image_name";"Patient_num";"Plane";"Brain_plane";"Operator";"US_Machine";"Train "\n',
    ],
    [
      'noTrailingSpace',
      { noTrailingSpace: true },
      'Image_name;Patient_num;Plane;Brain_plane;Operator;US_Machine;Train\n',
    ],
  ])('re-saves the FETAL_PLANES_DB CSV as %s', async (name, csv, header) => {
    const manifest = await generate({ fetal: { rows: { first: 2 }, csv, metadataOnly: true } });
    const text = await csvText(manifest);
    expect(text.slice(0, header.length)).toBe(header);
    expect(text.split(/\r?\n/)).toHaveLength(4);
    expect(manifest.csvs[0]?.variants).toEqual([name]);
  });

  it('writes the rows the way the variant writes the header', async () => {
    const csv = { quoted: true, otherDelimiter: true, noTrailingSpace: true, crlf: true };
    const manifest = await generate({ fetal: { rows: { first: 1 }, csv, metadataOnly: true } });
    expect((await csvText(manifest)).split('\r\n')[1]).toBe(
      '"Patient00001_Plane1_1_of_15","1","Other","Not A Brain","Other","Aloka","1"',
    );
  });

  it('re-saves the African CSV with ; and without a final newline', async () => {
    const csv = { otherDelimiter: true, noFinalNewline: true };
    const manifest = await generate({ african: { rows: { first: 1 }, csv, metadataOnly: true } });
    expect(await csvText(manifest)).toBe(
      'Patient_num;Plane;Train;Center;Filename\n1;Fetal abdomen;0;Algeria;patient001_DZA_plane0',
    );
  });

  it('writes the CSV under the name asked for', async () => {
    const manifest = await generate({ african: { rows: { first: 1 }, csvName: 'labels.csv' } });
    expect(manifest.csvs.map((csv) => csv.path)).toEqual(['labels.csv']);
  });
});

describe('parseCliArgs', () => {
  it('applies the shared flags to each dataset asked for', () => {
    const options = parseCliArgs([
      '--out=/tmp/x',
      '--datasets=african',
      '--african-root=',
      '--layout=flat',
      '--rows=every:3',
      '--size=real',
      '--missing=2',
      '--csv=bom,quoted',
      '--bad-rows',
      '--no-reuse',
      '--extra=a (1).png',
      '--litter',
    ]);
    expect(options).toEqual({
      out: '/tmp/x',
      fetal: undefined,
      african: {
        root: '',
        layout: 'flat',
        rows: { every: 3 },
        size: REAL_SIZES,
        csv: { bom: true, quoted: true },
        badRows: true,
        metadataOnly: undefined,
        missing: 2,
        zeroByte: undefined,
        truncated: undefined,
        jpegAsPng: undefined,
        duplicated: undefined,
      },
      seed: undefined,
      noise: undefined,
      reuse: false,
      extra: ['a (1).png'],
      litter: true,
    });
  });

  it('asks for both datasets at a fixed size by default', () => {
    const options = parseCliArgs(['--out', 'dir', '--size', '800x600', '--seed', '7']);
    expect(
      options !== 'help' && [options.fetal?.size, options.african?.size, options.seed],
    ).toEqual([{ width: 800, height: 600 }, { width: 800, height: 600 }, 7]);
  });

  it('says what is wrong with a malformed flag', () => {
    expect(() => parseCliArgs(['--out', 'x', '--rows', 'some'])).toThrow(
      '--rows must be all, first:N or every:K, not some',
    );
    expect(() => parseCliArgs(['--out', 'x', '--csv', 'tabs'])).toThrow(
      '--csv: unknown variant tabs',
    );
    expect(() => parseCliArgs(['--datasets', 'both'])).toThrow(/^--out is required/);
    expect(parseCliArgs(['--help'])).toBe('help');
  });
});
