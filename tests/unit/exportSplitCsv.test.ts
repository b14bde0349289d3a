import Papa from 'papaparse';
import { readDatasetCsv, type CsvRead, type DatasetCsv } from '../../src/core/csv.ts';
import { exportSourceCsv } from '../../src/core/export/sourceCsv.ts';
import { exportSourceCsvWithSplit, type SplitPart } from '../../src/core/export/splitCsv.ts';
import type { Result } from '../../src/core/types.ts';
import { AFRICAN_CSV, FETAL_CSV } from './realCsv.ts';

function expectDataset(read: CsvRead): DatasetCsv {
  if (!read.ok) throw new Error(`expected a dataset CSV, got: ${read.reason}`);
  return read;
}

function expectText(result: Result<string>): string {
  if (!result.ok) throw new Error(`expected an export, got: ${result.reason}`);
  return result.value;
}

const PARTS: readonly SplitPart[] = ['train', 'validation', 'test'];
const partOf = (line: number): SplitPart => PARTS[line % 3] ?? 'train';
const twoWay = (line: number): SplitPart => (line % 2 === 0 ? 'train' : 'test');

/** Every data line of a fixture by its 1-based line number, the header being 1. */
function numbered(text: string): Map<number, string> {
  const physical = text.split('\n').slice(1, -1);
  return new Map(physical.map((line, i) => [i + 2, line]));
}

describe('exportSourceCsvWithSplit, two parts', () => {
  it('rewrites the Train column of FETAL_PLANES_DB in place, trailing space kept', () => {
    const lines = numbered(FETAL_CSV);
    const parts = new Map([...lines.keys()].map((line) => [line, twoWay(line)]));
    const exported = expectText(exportSourceCsvWithSplit(FETAL_CSV, parts));

    const expected = [...lines].map(([line, text]) =>
      text.replace(/;[01] $/, twoWay(line) === 'train' ? ';1 ' : ';0 '),
    );
    expect(exported).toBe(
      [FETAL_CSV.slice(0, FETAL_CSV.indexOf('\n')), ...expected].join('\n') + '\n',
    );

    const read = expectDataset(readDatasetCsv('FETAL_PLANES_DB_data.csv', exported));
    expect(read.problems).toEqual([]);
    expect(read.rows.map((row) => row.split)).toEqual(
      [...lines.keys()].map((line) => (twoWay(line) === 'train' ? 'Train' : 'Test')),
    );
  });

  it('rewrites the middle Train column of a subset of the African planes', () => {
    const lines = numbered(AFRICAN_CSV);
    const kept = [...lines.keys()].filter((line) => line % 5 === 0);
    const parts = new Map(kept.map((line) => [line, twoWay(line)]));
    const exported = expectText(exportSourceCsvWithSplit(AFRICAN_CSV, parts));

    const expected = kept.map((line) => {
      const fields = (lines.get(line) ?? '').split(',');
      fields[2] = twoWay(line) === 'train' ? '1' : '0';
      return fields.join(',');
    });
    expect(exported.split('\n')).toEqual([AFRICAN_CSV.split('\n')[0], ...expected, '']);
    const read = expectDataset(readDatasetCsv('African_planes_database.csv', exported));
    expect(read.rows.map((row) => row.csvLine)).toHaveLength(kept.length);
  });

  it('adds the Split column on request even without a validation part', () => {
    const exported = expectText(
      exportSourceCsvWithSplit(AFRICAN_CSV, new Map([[2, 'test']]), { splitColumn: true }),
    );
    const [header, row] = AFRICAN_CSV.split('\n');
    const fields = (row ?? '').split(',');
    fields[2] = '0';
    expect(exported).toBe(`${header},Split\n${fields.join(',')},Test\n`);
  });
});

describe('exportSourceCsvWithSplit, three parts', () => {
  it.each([
    ['FETAL_PLANES_DB', FETAL_CSV, ';'],
    ['African planes', AFRICAN_CSV, ','],
  ])('appends a Split column to %s that the app and a plain parser read back', (_, text, sep) => {
    const lines = numbered(text);
    const parts = new Map([...lines.keys()].map((line) => [line, partOf(line)]));
    const exported = expectText(exportSourceCsvWithSplit(text, parts));

    const header = text.slice(0, text.indexOf('\n'));
    const trail = header.endsWith(' ') ? ' ' : '';
    expect(exported.slice(0, exported.indexOf('\n'))).toBe(`${header}${sep}Split${trail}`);

    const read = expectDataset(readDatasetCsv('export.csv', exported));
    expect(read.problems).toEqual([]);
    expect(read.rows.map((row) => row.split)).toEqual(
      [...lines.keys()].map((line) => (partOf(line) === 'test' ? 'Test' : 'Train')),
    );

    const table = Papa.parse<string[]>(exported, { delimiter: sep, skipEmptyLines: true }).data;
    const splitAt = (table[0] ?? []).map((name) => name.trim()).indexOf('Split');
    const labels = { train: 'Train', validation: 'Validation', test: 'Test' };
    expect(table.slice(1).map((fields) => fields[splitAt]?.trim())).toEqual(
      [...lines.keys()].map((line) => labels[partOf(line)]),
    );
  });

  it('keeps the published `Train ` name and every trailing space of FETAL_PLANES_DB', () => {
    const first = FETAL_CSV.split('\n')[1] ?? '';
    const exported = expectText(exportSourceCsvWithSplit(FETAL_CSV, new Map([[2, 'validation']])));
    expect(exported.split('\n')).toEqual([
      'Image_name;Patient_num;Plane;Brain_plane;Operator;US_Machine;Train ;Split ',
      `${first.replace(/;[01] $/, ';1 ')};Validation `,
      '',
    ]);
  });

  it('refuses a validation part when the Split column is turned off', () => {
    const result = exportSourceCsvWithSplit(AFRICAN_CSV, new Map([[2, 'validation']]), {
      splitColumn: false,
    });
    expect(result).toEqual({ ok: false, reason: 'a validation part needs the Split column' });
  });
});

describe('exportSourceCsv with edits on quoted CSVs', () => {
  const text =
    '\ufeff"Patient_num","Plane","Train","Center","Filename"\r\n' +
    '"1","Fetal abdomen","1","Algeria","patient001_DZA_plane0"\r\n' +
    '1, "Fetal brain" ,"0" ,Algeria,patient001_DZA_plane1\r\n';

  it('writes the new values in the quotes and spaces of the fields they replace', () => {
    const parts = new Map<number, SplitPart>([
      [2, 'test'],
      [3, 'validation'],
    ]);
    expect(expectText(exportSourceCsvWithSplit(text, parts))).toBe(
      '\ufeff"Patient_num","Plane","Train","Center","Filename","Split"\r\n' +
        '"1","Fetal abdomen","0","Algeria","patient001_DZA_plane0","Test"\r\n' +
        '1, "Fetal brain" ,"1" ,Algeria,patient001_DZA_plane1,Validation\r\n',
    );
  });

  it('quotes a new value that holds the delimiter, a quote or a line break', () => {
    const values = new Map([
      [2, 'a,b'],
      [3, 'say "x"\nthen'],
    ]);
    const exported = expectText(
      exportSourceCsv(text, [2, 3], { replace: { column: ' center ', values } }),
    );
    const table = Papa.parse<string[]>(exported.slice(1), { skipEmptyLines: true }).data;
    expect(table.map((fields) => fields[3])).toEqual(['Center', 'a,b', 'say "x"\nthen']);
  });

  it('refuses an unknown column, a row without a value and a row of the wrong width', () => {
    const values = new Map([[2, 'x']]);
    expect(exportSourceCsv(text, [2], { replace: { column: 'Nope', values } })).toEqual({
      ok: false,
      reason: 'the CSV has no column "Nope"',
    });
    expect(exportSourceCsv(text, [2, 3], { replace: { column: 'Train', values } })).toEqual({
      ok: false,
      reason: 'row 3 has no new value for the column "Train"',
    });
    const short = `${text}2,Fetal femur,1\r\n`;
    expect(
      exportSourceCsv(short, [4], { replace: { column: 'Train', values: new Map([[4, '0']]) } }),
    ).toEqual({ ok: false, reason: 'row 4 has 3 fields where the header has 5' });
  });

  it('refuses a row whose stray quotes the parser reads another way', () => {
    // An unclosed quote: the parser keeps its doubled quote as written, the field cutter would not.
    const stray = `${text}2,Fetal femur,1,Algeria,"patient002""_DZA_plane2`;
    const result = exportSourceCsv(stray, [4], {
      replace: { column: 'Train', values: new Map([[4, '0']]) },
    });
    expect(result).toEqual({
      ok: false,
      reason: 'row 4 has quotes the export cannot rewrite safely',
    });
    expect(exportSourceCsv(stray, [2, 3, 4])).toEqual({ ok: true, value: stray });
  });
});
