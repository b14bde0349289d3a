import { readDatasetCsv } from '../../src/core/csv.ts';
import { csvPathsOf, joinFolder, loadFolder } from '../../src/core/join.ts';
import type { FileMeta } from '../../src/core/types.ts';
import { AFRICAN_CSV, FETAL_CSV, plainRows } from './realCsv.ts';

const fetalNames = plainRows(FETAL_CSV, ';')
  .slice(1)
  .map((fields) => fields[0] ?? '');
const africanRows = plainRows(AFRICAN_CSV, ',').slice(1);

const meta = (path: string, size = 1000): FileMeta => ({ path, size, lastModified: 1 });
const fetalFiles = (root: string) => fetalNames.map((name) => meta(`${root}Images/${name}.png`));
const africanFiles = (root: string, layout: 'countries' | 'flat') =>
  africanRows.map(([, , , center, name]) =>
    meta(`${root}${layout === 'flat' ? 'Images' : center}/${name}.png`),
  );

function join(files: readonly FileMeta[], csvs: Record<string, string>) {
  const all = [...files, ...Object.keys(csvs).map((path) => meta(path))];
  return joinFolder(
    all,
    Object.entries(csvs).map(([path, text]) => readDatasetCsv(path, text)),
  );
}

describe('joinFolder on the layouts people download', () => {
  it('finds every FETAL_PLANES_DB image in Images/ at the root', () => {
    const result = join(fetalFiles(''), { 'FETAL_PLANES_DB_data.csv': FETAL_CSV });
    expect(result.problems).toEqual([]);
    expect(result.records).toHaveLength(fetalNames.length);
    expect(result.files.every((file) => file !== null)).toBe(true);
    expect(result.records[0]?.path).toBe(`Images/${fetalNames[0]}.png`);
    expect(result.sources).toEqual([
      expect.objectContaining({ dataset: 'fetal', root: '', imagesFound: fetalNames.length }),
    ]);
  });

  it('finds the African images in their country folders', () => {
    const result = join(africanFiles('', 'countries'), {
      'African_planes_database.csv': AFRICAN_CSV,
    });
    expect(result.problems).toEqual([]);
    expect(result.records.map((r) => r.path)).toEqual(
      africanFiles('', 'countries').map((f) => f.path),
    );
  });

  it('finds the African images flattened into Images/', () => {
    const result = join(africanFiles('', 'flat'), { 'African_planes_database.csv': AFRICAN_CSV });
    expect(result.problems).toEqual([]);
    expect(result.files.filter((file) => file !== null)).toHaveLength(africanRows.length);
  });

  it('finds both datasets, each in its own sub-folder of a parent folder', () => {
    const files = [...fetalFiles('FETAL/'), ...africanFiles('Africa/data/', 'countries')];
    const result = join(files, {
      'FETAL/FETAL_PLANES_DB_data.csv': FETAL_CSV,
      'Africa/data/African_planes_database.csv': AFRICAN_CSV,
    });
    expect(result.problems).toEqual([]);
    expect(result.sources.map((s) => [s.dataset, s.root])).toEqual([
      ['african', 'Africa/data/'],
      ['fetal', 'FETAL/'],
    ]);
    expect(result.records).toHaveLength(fetalNames.length + africanRows.length);
  });

  it('finds both datasets side by side at the root, whatever the CSV names', () => {
    const files = [...fetalFiles(''), ...africanFiles('', 'countries')];
    const result = join(files, { 'a.csv': FETAL_CSV, 'b.csv': AFRICAN_CSV });
    expect(result.problems).toEqual([]);
    expect(result.sources.map((s) => s.dataset)).toEqual(['fetal', 'african']);
  });

  it('finds images in a layout it does not know by their unique name', () => {
    const files = fetalNames.slice(0, 3).map((name) => meta(`scans/${name}.png`));
    const csv = FETAL_CSV.split('\n').slice(0, 4).join('\n');
    const result = join(files, { 'db.csv': csv });
    expect(result.problems).toEqual([]);
    expect(result.records.map((r) => r.path)).toEqual(files.map((f) => f.path));
  });
});

describe('joinFolder on what real folders get wrong', () => {
  const csv = FETAL_CSV.split('\n').slice(0, 6).join('\n');
  const names = fetalNames.slice(0, 5);
  const images = names.map((name) => meta(`Images/${name}.png`));

  it('reports each missing image by path and CSV row, and keeps its row', () => {
    const result = join(
      [images[0], images[2], images[3]].flatMap((f) => (f ? [f] : [])),
      {
        'db.csv': csv,
      },
    );
    expect(result.records).toHaveLength(5);
    expect(result.files.map((file) => file !== null)).toEqual([true, false, true, true, false]);
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: 'missing-image', file: `Images/${names[1]}.png`, line: 3 }),
      expect.objectContaining({ kind: 'missing-image', file: `Images/${names[4]}.png`, line: 6 }),
    ]);
  });

  it('reports files that no row names, and a second copy of a named image', () => {
    const extra = [meta('Images/stray scan.png'), meta(`Images/copy/${names[0]}.png`)];
    const result = join([...images, ...extra], { 'db.csv': csv });
    expect(result.problems.map((p) => [p.kind, p.file])).toEqual([
      ['duplicate-file', `Images/copy/${names[0]}.png`],
      ['unlisted-file', 'Images/stray scan.png'],
    ]);
  });

  it('skips operating-system litter without a word', () => {
    const litter = [
      '.DS_Store',
      'Images/Thumbs.db',
      'desktop.ini',
      '__MACOSX/Images/._a.png',
      '.git/x.csv',
    ];
    const result = join([...images, ...litter.map((path) => meta(path))], { 'db.csv': csv });
    expect(result.problems).toEqual([]);
  });

  it('explores a CSV without any of its images as metadata, with one problem', () => {
    const result = join([], { 'db.csv': csv });
    expect(result.records).toHaveLength(5);
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: 'metadata-only', file: 'db.csv' }),
    ]);
  });

  it('names the header of a CSV that is neither dataset, and loads the rest', () => {
    const result = join(images, { 'db.csv': csv, 'labels.csv': 'id;label\n1;x\n' });
    expect(result.records).toHaveLength(5);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ kind: 'csv-unknown', file: 'labels.csv' });
    expect(result.problems[0]?.message).toContain('id, label');
  });

  it('loads one CSV of a dataset per folder and reports a second one', () => {
    const result = join(images, { 'db.csv': csv, 'db (copy).csv': csv });
    expect(result.records).toHaveLength(5);
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: 'csv-duplicate', file: 'db.csv' }),
    ]);
  });

  it('flags a row naming an image a row already named, and loads both', () => {
    const lines = csv.split('\n');
    const result = join(images, { 'db.csv': [...lines, lines[1]].join('\n') });
    expect(result.records).toHaveLength(6);
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'row-duplicate', line: 7 })]);
  });

  it('passes the CSV row problems on', () => {
    const broken = `${csv}\nPatient00001_Plane1_9_of_15;1;Other\n`;
    const result = join(images, { 'db.csv': broken });
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'row-unreadable', line: 7 })]);
  });
});

describe('csvPathsOf', () => {
  it('lists the CSVs to read, sorted, without litter', () => {
    const files = ['b/x.CSV', 'a.csv', '__MACOSX/._a.csv', 'Images/a.png'].map((p) => meta(p));
    expect(csvPathsOf(files)).toEqual(['a.csv', 'b/x.CSV']);
  });
});

describe('loadFolder', () => {
  it('reads each CSV through the given reader and joins it', async () => {
    const files = [...fetalFiles(''), meta('FETAL_PLANES_DB_data.csv')];
    const result = await loadFolder(files, async () => FETAL_CSV);
    expect(result.problems).toEqual([]);
    expect(result.records).toHaveLength(fetalNames.length);
  });

  it('turns a CSV that cannot be read into a problem naming the file', async () => {
    const result = await loadFolder([meta('db.csv')], () => Promise.reject(new Error('gone')));
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: 'csv-unknown', file: 'db.csv' }),
    ]);
    expect(result.problems[0]?.message).toContain('gone');
  });
});
