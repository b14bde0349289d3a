import Papa from 'papaparse';
import { readDatasetCsv, type CsvRead, type DatasetCsv } from '../../src/core/csv.ts';
import { buildIndex, setImageSize } from '../../src/core/datasetIndex.ts';
import {
  COMBINED_HEADER,
  combinedRowsOf,
  neutraliseFormula,
  writeCombinedCsv,
  type CombinedRow,
} from '../../src/core/export/combinedCsv.ts';
import type { ImageRecord } from '../../src/core/types.ts';
import { AFRICAN_CSV, FETAL_CSV, plainRows } from './realCsv.ts';

function expectDataset(read: CsvRead): DatasetCsv {
  if (!read.ok) throw new Error(`expected a dataset CSV, got: ${read.reason}`);
  return read;
}

const parse = (csv: string): string[][] =>
  Papa.parse<string[]>(csv, { delimiter: ',', newline: '\r\n', skipEmptyLines: true }).data;

const row: CombinedRow = {
  dataset: 'FETAL_PLANES_DB',
  path: 'Images/Patient00001_Plane1_1_of_15.png',
  file: 'Patient00001_Plane1_1_of_15.png',
  patient: '1',
  plane: 'Other',
  brainPlane: 'Not A Brain',
  operator: 'Other',
  machine: 'Aloka',
  country: 'Spain',
  split: 'Train',
  width: 959,
  height: 661,
  bytes: 312_345,
  tags: [],
};

describe('neutraliseFormula', () => {
  it.each(['=SUM(A1:A9)', '+1', '-1', '@cmd', '\tcmd', '\rcmd'])(
    'puts an apostrophe before %j',
    (cell) => {
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    },
  );

  it.each(['', 'Fetal brain', 'Trans-thalamic', 'a=b', ' =x', "'=x", '1'])(
    'leaves %j as it is',
    (cell) => {
      expect(neutraliseFormula(cell)).toBe(cell);
    },
  );
});

describe('writeCombinedCsv', () => {
  it('writes the header and one CRLF-ended line per row, missing values empty', () => {
    const african: CombinedRow = {
      ...row,
      dataset: 'African planes',
      brainPlane: null,
      operator: null,
      machine: null,
      width: null,
      height: null,
      bytes: null,
      tags: ['exclude', 'check'],
    };
    expect(writeCombinedCsv([row, african])).toBe(
      'dataset,path,file,patient,plane,brain_plane,operator,machine,country,split,width,height,' +
        'bytes,tags\r\n' +
        'FETAL_PLANES_DB,Images/Patient00001_Plane1_1_of_15.png,Patient00001_Plane1_1_of_15.png,' +
        '1,Other,Not A Brain,Other,Aloka,Spain,Train,959,661,312345,\r\n' +
        'African planes,Images/Patient00001_Plane1_1_of_15.png,Patient00001_Plane1_1_of_15.png,' +
        '1,Other,,,,Spain,Train,,,,exclude;check\r\n',
    );
  });

  it('quotes commas, quotes and line breaks so a CSV reader gets the values back', () => {
    const tags = ['a,b', 'say "hi"', 'two\nlines', 'cr\rlf'];
    const csv = writeCombinedCsv([{ ...row, path: 'a, "b"/c.png', tags }]);
    expect(parse(csv)[1]?.[1]).toBe('a, "b"/c.png');
    expect(parse(csv)[1]?.[13]).toBe(tags.join(';'));
    expect(csv).toContain(',"a, ""b""/c.png",');
  });

  it('neutralises every cell a spreadsheet would run, then quotes it if need be', () => {
    const csv = writeCombinedCsv([
      { ...row, patient: '=1+1', plane: '+x', operator: '-y', machine: '@z', tags: ['\tt', '\rr'] },
    ]);
    const cells = parse(csv)[1] ?? [];
    expect([cells[3], cells[4], cells[6], cells[7], cells[13]]).toEqual([
      "'=1+1",
      "'+x",
      "'-y",
      "'@z",
      "'\tt;\rr",
    ]);
    expect(csv).toContain(`,"'\tt;\rr"\r\n`);
    expect(writeCombinedCsv([{ ...row, path: '=HYPERLINK("x")' }])).toContain(
      `,"'=HYPERLINK(""x"")",`,
    );
  });
});

describe('combinedRowsOf', () => {
  const fetal = expectDataset(readDatasetCsv('FETAL_PLANES_DB_data.csv', FETAL_CSV));
  const african = expectDataset(readDatasetCsv('African_planes_database.csv', AFRICAN_CSV));
  const records: ImageRecord[] = [
    ...fetal.rows.map((r) => ({ ...r, path: `Images/${r.name}.png` })),
    ...african.rows.map((r) => ({ ...r, path: `${r.country}/${r.name}.png` })),
  ];
  const index = buildIndex(records, () => true);
  setImageSize(index, 0, 959, 661, 312_345);

  it('writes the images given, in the order given, with their sizes and tags', () => {
    const last = records.length - 1;
    const rows = combinedRowsOf(index, [last, 0, records.length, -1], (record, id) =>
      id === 0 ? ['check', record.plane] : [],
    );
    const [name = '', patient = '', plane = '', brain = '', operator = '', machine = '', train] =
      plainRows(FETAL_CSV, ';')[1] ?? [];
    const [num = '', aPlane = '', aTrain, center = '', file = ''] =
      plainRows(AFRICAN_CSV, ',').at(-1) ?? [];

    expect(rows).toEqual([
      {
        dataset: 'African planes',
        path: `${center}/${file}.png`,
        file: `${file}.png`,
        patient: `${center}/${Number(num)}`,
        plane: aPlane,
        brainPlane: null,
        operator: null,
        machine: null,
        country: center,
        split: aTrain === '1' ? 'Train' : 'Test',
        width: null,
        height: null,
        bytes: null,
        tags: [],
      },
      {
        dataset: 'FETAL_PLANES_DB',
        path: `Images/${name}.png`,
        file: `${name}.png`,
        patient,
        plane,
        brainPlane: brain,
        operator,
        machine,
        country: 'Spain',
        split: train === '1' ? 'Train' : 'Test',
        width: 959,
        height: 661,
        bytes: 312_345,
        tags: ['check', plane],
      },
    ]);
  });

  it('exports both published datasets to a CSV a reader loads back to the same values', () => {
    const csv = writeCombinedCsv(combinedRowsOf(index, index.records.keys()));
    const table = parse(csv);
    const fetalPlain = plainRows(FETAL_CSV, ';').slice(1);
    const africanPlain = plainRows(AFRICAN_CSV, ',').slice(1);

    expect(table[0]).toEqual(COMBINED_HEADER);
    expect(table).toHaveLength(1 + fetalPlain.length + africanPlain.length);
    expect(table.slice(1, 1 + fetalPlain.length).map((cells) => cells.slice(4, 8))).toEqual(
      fetalPlain.map((fields) => fields.slice(2, 6)),
    );
    expect(table.slice(1 + fetalPlain.length).map((cells) => [cells[4], cells[8]])).toEqual(
      africanPlain.map((fields) => [fields[1], fields[3]]),
    );
    expect(csv.split('\r\n')).toHaveLength(table.length + 1);
  });
});
