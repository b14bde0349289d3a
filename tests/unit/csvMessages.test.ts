import { readDatasetCsv } from '../../src/core/csv.ts';

describe('readDatasetCsv problem messages', () => {
  it('name the CSV file, the row and the column, so two open CSVs cannot be confused', () => {
    const text = [
      'Patient_num,Plane,Train,Center,Filename',
      '1,Fetal brain,2,Ghana,patient001_GHA_plane1',
      '1,Fetal brain,1',
      '',
    ].join('\n');
    const read = readDatasetCsv('Africa/African_planes_database.csv', text);
    if (!read.ok) throw new Error(read.reason);
    expect(read.problems.map((problem) => problem.message)).toEqual([
      'Africa/African_planes_database.csv, row 2, column Train: "2" is neither 1 (train) nor 0 (test); the row is loaded as written.',
      'Africa/African_planes_database.csv, row 3: 3 fields where the header has 5; the row is left out.',
    ]);
  });
});
