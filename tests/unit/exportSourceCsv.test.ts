import { readDatasetCsv, type CsvRead, type DatasetCsv } from '../../src/core/csv.ts';
import { exportSourceCsv } from '../../src/core/export/sourceCsv.ts';
import { rowLayoutOf } from '../../src/core/export/rowSpans.ts';
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

const linesOf = (read: DatasetCsv) => read.rows.map((row) => row.csvLine);

describe('exportSourceCsv on the published CSVs', () => {
  const fetal = expectDataset(readDatasetCsv('FETAL_PLANES_DB_data.csv', FETAL_CSV));
  const african = expectDataset(readDatasetCsv('African_planes_database.csv', AFRICAN_CSV));

  it('gives back the FETAL_PLANES_DB file byte for byte when every row is kept', () => {
    expect(expectText(exportSourceCsv(FETAL_CSV, linesOf(fetal)))).toBe(FETAL_CSV);
  });

  it('gives back the African planes file byte for byte when every row is kept', () => {
    expect(expectText(exportSourceCsv(AFRICAN_CSV, linesOf(african)))).toBe(AFRICAN_CSV);
  });

  it('keeps the header and the kept rows as written, in source order', () => {
    const physical = FETAL_CSV.split('\n');
    const brain = physical.slice(1).filter((line) => line.split(';')[2] === 'Fetal brain');
    const lines = fetal.rows.filter((row) => row.plane === 'Fetal brain').map((r) => r.csvLine);

    const exported = expectText(exportSourceCsv(FETAL_CSV, new Set(lines.reverse())));

    expect(exported).toBe([physical[0], ...brain].join('\n') + '\n');
    expect(
      exported
        .split('\n')
        .slice(1, -1)
        .every((line) => line.endsWith(' ')),
    ).toBe(true);
  });

  it('exports a subset the app reads back to the same rows', () => {
    const egypt = african.rows.filter((row) => row.country === 'Egypt');
    const exported = expectText(exportSourceCsv(AFRICAN_CSV, linesOf({ ...african, rows: egypt })));
    const read = expectDataset(readDatasetCsv('African_planes_database.csv', exported));

    expect(read.format).toEqual(african.format);
    expect(read.problems).toEqual([]);
    expect(
      read.rows.map(({ name, patient, plane, split }) => [name, patient, plane, split]),
    ).toEqual(egypt.map(({ name, patient, plane, split }) => [name, patient, plane, split]));
  });

  it('writes the header alone when no row is kept', () => {
    const header = AFRICAN_CSV.slice(0, AFRICAN_CSV.indexOf('\n') + 1);
    expect(expectText(exportSourceCsv(AFRICAN_CSV, []))).toBe(header);
  });

  it('ignores the header line and refuses lines that are not rows', () => {
    expect(expectText(exportSourceCsv(AFRICAN_CSV, [1, 2]))).toBe(
      AFRICAN_CSV.split('\n').slice(0, 2).join('\n') + '\n',
    );
    const past = african.rows.length + 3;
    const result = exportSourceCsv(AFRICAN_CSV, [2, past, 0]);
    expect(result).toEqual({ ok: false, reason: `lines 0, ${past} are not a row of the CSV` });
  });
});

describe('exportSourceCsv on CSVs saved by a spreadsheet', () => {
  const header = 'Patient_num,Plane,Train,Center,Filename';
  // Raw rows as a spreadsheet writes them: quotes, a comma and a line break inside a quoted field.
  const rows = [
    '1,Fetal abdomen,0,Algeria,patient001_DZA_plane0',
    '"1","Fetal brain","0","Algeria","patient001_DZA_plane1"',
    '2,"Fetal femur, left\r\nside",1,Algeria,patient002_DZA_plane2',
    '2,Fetal thorax,1,Algeria,"patient002_DZA_plane3"',
    '3,"Fetal ""abdomen""",0,Egypt,patient003_EGY_plane0',
  ];
  const variant = '\ufeff' + [header, ...rows].join('\r\n') + '\r\n';
  const read = expectDataset(readDatasetCsv('African.csv', variant));

  it('numbers rows as the app does, a quoted line break staying inside its row', () => {
    expect(read.format).toMatchObject({ bom: true, lineEnding: '\r\n', delimiter: ',' });
    expect(rowLayoutOf(variant).delimiter).toBe(read.format.delimiter);
    expect(read.rows.map((row) => [row.csvLine, row.name])).toEqual([
      [2, 'patient001_DZA_plane0'],
      [3, 'patient001_DZA_plane1'],
      [4, 'patient002_DZA_plane2'],
      [5, 'patient002_DZA_plane3'],
      [6, 'patient003_EGY_plane0'],
    ]);
  });

  it('gives back the BOM, CRLF and quoted text byte for byte', () => {
    expect(expectText(exportSourceCsv(variant, linesOf(read)))).toBe(variant);
  });

  it('keeps the kept rows exactly, quotes and inner line breaks included', () => {
    const kept = read.rows.filter((row) => row.csvLine !== 3 && row.csvLine !== 5);
    const exported = expectText(exportSourceCsv(variant, linesOf({ ...read, rows: kept })));

    expect(exported).toBe('\ufeff' + [header, rows[0], rows[2], rows[4]].join('\r\n') + '\r\n');
    const again = expectDataset(readDatasetCsv('African.csv', exported));
    expect(again.rows.map((row) => row.plane)).toEqual([
      'Fetal abdomen',
      'Fetal femur, left\r\nside',
      'Fetal "abdomen"',
    ]);
  });

  it('reads semicolon files with quoted semicolons the same way', () => {
    const fetalHeader = FETAL_CSV.slice(0, FETAL_CSV.indexOf('\n'));
    const quoted = [
      'Patient00001_Plane1_1_of_15;1;"Other; maybe";Not A Brain;Other;Aloka;1 ',
      'Patient00001_Plane1_2_of_15;1;Other;Not A Brain;Other;Aloka;1 ',
    ];
    const text = [fetalHeader, ...quoted].join('\n') + '\n';
    const fetal = expectDataset(readDatasetCsv('FETAL.csv', text));

    expect(fetal.rows.map((row) => row.csvLine)).toEqual([2, 3]);
    expect(expectText(exportSourceCsv(text, [3]))).toBe(`${fetalHeader}\n${quoted[1]}\n`);
    expect(expectText(exportSourceCsv(text, [2]))).toBe(`${fetalHeader}\n${quoted[0]}\n`);
  });
});

describe('exportSourceCsv and the end of the file', () => {
  const lines = AFRICAN_CSV.split('\n').slice(0, 4);
  const [header = '', first = '', second = '', third = ''] = lines;

  it('keeps a file without a final line ending without one', () => {
    const text = lines.join('\n');
    expect(expectText(exportSourceCsv(text, [2, 3, 4]))).toBe(text);
    expect(expectText(exportSourceCsv(text, [2, 3]))).toBe(`${header}\n${first}\n${second}`);
  });

  it('keeps blank lines after the last row, and leaves out blank lines between rows', () => {
    const text = `${header}\n${first}\n\n${second}\n${third}\n\n\n`;
    expect(expectText(exportSourceCsv(text, [2, 4, 5]))).toBe(
      `${header}\n${first}\n${second}\n${third}\n\n\n`,
    );
    expect(exportSourceCsv(text, [3])).toEqual({
      ok: false,
      reason: 'line 3 is not a row of the CSV',
    });
  });

  it('round-trips a file of old Mac line endings', () => {
    const text = lines.join('\r') + '\r';
    expect(expectText(exportSourceCsv(text, [2, 3, 4]))).toBe(text);
    expect(expectText(exportSourceCsv(text, [4]))).toBe(`${header}\r${third}\r`);
  });

  it('returns an empty text or a lone BOM as it is', () => {
    expect(exportSourceCsv('', [])).toEqual({ ok: true, value: '' });
    expect(exportSourceCsv('\ufeff', [])).toEqual({ ok: true, value: '\ufeff' });
  });
});
