import fc from 'fast-check';
import { readDatasetCsv, type CsvRead, type DatasetCsv } from '../../src/core/csv.ts';
import { AFRICAN_CSV, FETAL_CSV, countColumn, plainRows } from './realCsv.ts';

function expectDataset(read: CsvRead): DatasetCsv {
  if (!read.ok) throw new Error(`expected a dataset CSV, got: ${read.reason}`);
  return read;
}

function tally<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

const SPLIT_OF: Record<string, string> = { '1': 'Train', '0': 'Test' };
const relabel = (counts: Map<string, number>, labels: Record<string, string>) =>
  new Map([...counts].map(([value, n]) => [labels[value] ?? value, n]));

describe('readDatasetCsv on the published FETAL_PLANES_DB CSV', () => {
  const plain = plainRows(FETAL_CSV, ';');
  const read = expectDataset(readDatasetCsv('FETAL_PLANES_DB_data.csv', FETAL_CSV));

  it('recognises the dataset and its writing conventions', () => {
    expect(read.dataset).toBe('fetal');
    expect(read.format).toEqual({
      delimiter: ';',
      bom: false,
      lineEnding: '\n',
      trailingSpace: true,
      quoted: false,
      finalNewline: true,
    });
  });

  it('loads every row and reports no problem', () => {
    expect(read.rows).toHaveLength(plain.length - 1);
    expect(read.problems).toEqual([]);
  });

  it('counts each column as a plain count over the lines does', () => {
    expect(tally(read.rows, (r) => r.plane)).toEqual(countColumn(plain, 'Plane'));
    expect(tally(read.rows, (r) => r.brainPlane ?? '')).toEqual(countColumn(plain, 'Brain_plane'));
    expect(tally(read.rows, (r) => r.operator ?? '')).toEqual(countColumn(plain, 'Operator'));
    expect(tally(read.rows, (r) => r.machine ?? '')).toEqual(countColumn(plain, 'US_Machine'));
    expect(tally(read.rows, (r) => r.split)).toEqual(
      relabel(countColumn(plain, 'Train'), SPLIT_OF),
    );
    expect(tally(read.rows, (r) => r.country)).toEqual(new Map([['Spain', plain.length - 1]]));
    expect(new Set(read.rows.map((r) => r.patient))).toEqual(
      new Set(plain.slice(1).map((fields) => fields[1])),
    );
  });

  it('takes the frame K of N from each file name', () => {
    const first = read.rows[0];
    const [, k, n] = /_(\d+)_of_(\d+)$/.exec(plain[1]?.[0] ?? '') ?? [];
    expect(first?.frame).toEqual({ k: Number(k), n: Number(n) });
    expect(read.rows.every((r) => r.frame !== null && r.frame.k <= r.frame.n)).toBe(true);
  });

  it('numbers rows by their line in the file, the header being line 1', () => {
    expect(read.rows[0]?.csvLine).toBe(2);
    expect(read.rows.at(-1)?.csvLine).toBe(plain.length);
  });
});

describe('readDatasetCsv on the published African planes CSV', () => {
  const plain = plainRows(AFRICAN_CSV, ',');
  const read = expectDataset(readDatasetCsv('African_planes_database.csv', AFRICAN_CSV));

  it('loads every row with no problem, counting as a plain count does', () => {
    expect(read.dataset).toBe('african');
    expect(read.problems).toEqual([]);
    expect(read.rows).toHaveLength(plain.length - 1);
    expect(tally(read.rows, (r) => r.plane)).toEqual(countColumn(plain, 'Plane'));
    expect(tally(read.rows, (r) => r.country)).toEqual(countColumn(plain, 'Center'));
    expect(tally(read.rows, (r) => r.split)).toEqual(
      relabel(countColumn(plain, 'Train'), SPLIT_OF),
    );
  });

  it('keys patients by country and number, since numbers repeat across countries', () => {
    const keys = new Set(plain.slice(1).map((f) => `${f[3]}/${Number(f[0])}`));
    expect(new Set(read.rows.map((r) => r.patient))).toEqual(keys);
    expect(keys.size).toBeGreaterThan(new Set(plain.slice(1).map((f) => f[0])).size);
  });

  it('leaves the fields the African set lacks empty', () => {
    expect(read.rows.every((r) => r.operator === null && r.machine === null)).toBe(true);
    expect(read.rows.every((r) => r.brainPlane === null && r.frame === null)).toBe(true);
  });
});

describe('readDatasetCsv on the copies people make', () => {
  const reference = expectDataset(readDatasetCsv('x.csv', FETAL_CSV)).rows;
  const africanReference = expectDataset(readDatasetCsv('a.csv', AFRICAN_CSV)).rows;
  const lines = FETAL_CSV.split('\n');
  const variants: Record<string, string> = {
    'a BOM': `\uFEFF${FETAL_CSV}`,
    'CRLF line endings': FETAL_CSV.replace(/\n/g, '\r\n'),
    'a comma delimiter': FETAL_CSV.replace(/;/g, ','),
    'quoted fields': lines
      .map((line) =>
        line === ''
          ? ''
          : line
              .split(';')
              .map((f) => `"${f}"`)
              .join(';'),
      )
      .join('\n'),
    'no trailing space': FETAL_CSV.replace(/ \n/g, '\n'),
    'no final newline': FETAL_CSV.trimEnd(),
    'several empty last lines': `${FETAL_CSV}\n\n`,
    'everything at once': `\uFEFF${FETAL_CSV.replace(/ \n/g, '\n').replace(/;/g, ',').replace(/\n/g, '\r\n')}`,
  };

  for (const [what, text] of Object.entries(variants)) {
    it(`reads a copy with ${what} to the same rows, without problems`, () => {
      const read = expectDataset(readDatasetCsv('copy.csv', text));
      expect(read.problems).toEqual([]);
      expect(read.rows).toEqual(reference.map((row) => ({ ...row, csvFile: 'copy.csv' })));
    });
  }

  it('reads an African copy re-saved with semicolons and CRLF', () => {
    const text = AFRICAN_CSV.replace(/,/g, ';').replace(/\n/g, '\r\n');
    const read = expectDataset(readDatasetCsv('a.csv', text));
    expect(read.format.delimiter).toBe(';');
    expect(read.format.lineEnding).toBe('\r\n');
    expect(read.rows).toEqual(africanReference);
  });

  it('finds columns by name whatever their order and letter case', () => {
    const text =
      'filename,center,train,plane,patient_num\npatient001_DZA_plane0,Algeria,0,Fetal abdomen,1\n';
    const read = expectDataset(readDatasetCsv('a.csv', text));
    expect(read.rows[0]).toEqual(africanReference[0]);
  });
});

describe('readDatasetCsv on broken rows', () => {
  const header = 'Image_name;Patient_num;Plane;Brain_plane;Operator;US_Machine;Train ';
  const good = 'Patient00001_Plane1_1_of_15;1;Other;Not A Brain;Other;Aloka;1 ';
  const readRows = (...rows: string[]) =>
    expectDataset(readDatasetCsv('db.csv', [header, ...rows, ''].join('\n')));

  it('leaves out a row with the wrong number of fields and lists it by line', () => {
    const read = readRows(good, 'Patient00001_Plane1_2_of_15;1;Other', good);
    expect(read.rows.map((r) => r.csvLine)).toEqual([2, 4]);
    expect(read.problems).toEqual([
      expect.objectContaining({ kind: 'row-unreadable', file: 'db.csv', line: 3 }),
    ]);
    expect(read.problems[0]?.message).toContain('3 fields');
  });

  it('loads a value outside the vocabulary as written and flags its column', () => {
    const read = readRows('Patient00001_Plane1_1_of_15;1;Other;Not A Brain;Op. 9;Aloka;1 ');
    expect(read.rows[0]?.operator).toBe('Op. 9');
    expect(read.problems).toEqual([
      expect.objectContaining({ kind: 'row-value', line: 2, column: 'Operator' }),
    ]);
  });

  it('flags a split that is neither 1 nor 0 and keeps it as written', () => {
    const read = readRows('Patient00001_Plane1_1_of_15;1;Other;Not A Brain;Other;Aloka;yes ');
    expect(read.rows[0]?.split).toBe('yes');
    expect(read.problems[0]).toMatchObject({ kind: 'row-value', column: 'Train' });
  });

  it('flags a brain plane on a plane that is not the brain', () => {
    const read = readRows('Patient00001_Plane1_1_of_15;1;Other;Trans-thalamic;Other;Aloka;1 ');
    expect(read.problems[0]).toMatchObject({ kind: 'row-value', column: 'Brain_plane' });
  });

  it('flags a name off the pattern, and one whose plane number disagrees', () => {
    const read = readRows(
      'scan 12;1;Other;Not A Brain;Other;Aloka;1 ',
      'Patient00001_Plane2_1_of_15;1;Other;Not A Brain;Other;Aloka;1 ',
    );
    expect(read.rows).toHaveLength(2);
    expect(read.rows[0]?.frame).toBeNull();
    expect(read.problems.map((p) => [p.kind, p.line, p.column])).toEqual([
      ['row-name', 2, 'Image_name'],
      ['row-name', 3, 'Image_name'],
    ]);
  });

  it('flags a Patient_num that disagrees with the file name', () => {
    const read = readRows('Patient00001_Plane1_1_of_15;7;Other;Not A Brain;Other;Aloka;1 ');
    expect(read.rows[0]?.patient).toBe('7');
    expect(read.problems[0]).toMatchObject({ kind: 'row-patient', line: 2, column: 'Patient_num' });
  });

  it('flags an African name whose country code disagrees with the centre', () => {
    const text =
      'Patient_num,Plane,Train,Center,Filename\n1,Fetal brain,1,Ghana,patient001_DZA_plane1\n';
    const read = expectDataset(readDatasetCsv('a.csv', text));
    expect(read.rows[0]?.country).toBe('Ghana');
    expect(read.problems[0]).toMatchObject({ kind: 'row-name', column: 'Filename', line: 2 });
  });
});

describe('readDatasetCsv on files that are neither dataset', () => {
  it('names the header it found', () => {
    const read = readDatasetCsv('notes.csv', 'id,label\n1,cat\n');
    expect(read).toMatchObject({ ok: false, file: 'notes.csv', header: ['id', 'label'] });
    if (!read.ok) expect(read.reason).toContain('neither');
  });

  it('says an empty file is empty', () => {
    const read = readDatasetCsv('empty.csv', '');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toBe('the file is empty');
  });

  it('returns a result for any text, never throwing', () => {
    const header = fc.constantFrom(
      'Image_name;Patient_num;Plane;Brain_plane;Operator;US_Machine;Train \n',
      'Patient_num,Plane,Train,Center,Filename\n',
      '',
    );
    fc.assert(
      fc.property(header, fc.string({ unit: 'binary', maxLength: 400 }), (head, body) => {
        const read = readDatasetCsv('any.csv', head + body);
        expect(typeof read.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
