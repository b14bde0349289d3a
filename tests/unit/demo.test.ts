import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDatasetCsv } from '../../src/core/csv.ts';
import { csvPathsOf, joinFolder } from '../../src/core/join.ts';
import { baseName } from '../../src/core/paths.ts';
import { readPngHeader } from '../../src/core/png.ts';
import type { FileMeta } from '../../src/core/types.ts';
import { auditInNode } from './nodeAudit.ts';
import { AFRICAN_CSV, FETAL_CSV, plainRows } from './realCsv.ts';

// The demo shipped in public/demo/, as tests/fixtures/demo.ts writes it.
const DEMO = fileURLToPath(new URL('../../public/demo/', import.meta.url));
const listed = JSON.parse(readFileSync(join(DEMO, 'files.json'), 'utf8')) as FileMeta[];
const read = (path: string) => readFileSync(join(DEMO, path));
const csvs = csvPathsOf(listed).map((path) => readDatasetCsv(path, read(path).toString('utf8')));

/** Each published CSV by file name, with the columns whose every value the demo must show. */
const PUBLISHED: Readonly<
  Record<string, { text: string; delimiter: string; columns: readonly string[] }>
> = {
  'FETAL_PLANES_DB_data.csv': {
    text: FETAL_CSV,
    delimiter: ';',
    columns: ['Plane', 'Brain_plane', 'Operator', 'US_Machine', 'Train'],
  },
  'African_planes_database.csv': {
    text: AFRICAN_CSV,
    delimiter: ',',
    columns: ['Plane', 'Center', 'Train'],
  },
};

function filesOnDisk(): string[] {
  return readdirSync(DEMO, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => posix.relative(DEMO, join(entry.parentPath, entry.name)).replaceAll('\\', '/'))
    .filter((path) => path !== 'files.json')
    .sort();
}

/** The values of `column` in a CSV's text, read as plain rows. */
function valuesOf(text: string, delimiter: string, column: string): Set<string> {
  const [header = [], ...rows] = plainRows(text, delimiter);
  const at = header.indexOf(column);
  return new Set(rows.map((row) => row[at] ?? ''));
}

describe('the demo folder', () => {
  it('lists every file on disk, sorted by path, with its size and one fixed date', () => {
    const paths = listed.map((file) => file.path);
    expect(paths).toEqual([...paths].sort());
    expect(paths).toEqual(filesOnDisk());
    for (const file of listed) expect(statSync(join(DEMO, file.path)).size).toBe(file.size);
    expect(new Set(listed.map((file) => file.lastModified)).size).toBe(1);
  });

  it('holds both datasets, each in its own sub-folder, and joins with no problem', () => {
    const result = joinFolder(listed, csvs);

    expect(result.problems).toEqual([]);
    expect(result.sources.map(({ dataset, root }) => [dataset, root])).toEqual([
      ['african', 'African_planes/'],
      ['fetal', 'FETAL_PLANES_DB/'],
    ]);
    for (const source of result.sources) expect(source.imagesFound).toBe(source.rows);
    expect(result.records).toHaveLength(listed.length - csvs.length);
  });

  it('keeps the published header and lines of each CSV, byte for byte and in order', () => {
    expect(csvs.map((csv) => baseName(csv.file)).sort()).toEqual(Object.keys(PUBLISHED).sort());
    for (const csv of csvs) {
      const published = PUBLISHED[baseName(csv.file)]?.text.split('\n') ?? [];
      const lines = read(csv.file).toString('utf8').split('\n');

      expect(lines[0]).toBe(published[0]);
      expect(lines.at(-1)).toBe('');
      const at = lines.slice(1, -1).map((line) => published.indexOf(line));
      expect(at.every((index) => index > 0)).toBe(true);
      expect(at).toEqual([...at].sort((a, b) => a - b));
      expect(new Set(at).size).toBe(at.length);
    }
  });

  it('shows every plane, brain plane, operator, machine, country and split of the CSVs', () => {
    for (const [name, { text, delimiter, columns }] of Object.entries(PUBLISHED)) {
      const csv = csvs.find((candidate) => baseName(candidate.file) === name);
      const demo = csv ? read(csv.file).toString('utf8') : '';
      for (const column of columns) {
        const published = valuesOf(text, delimiter, column);
        expect([column, valuesOf(demo, delimiter, column)]).toEqual([column, published]);
      }
    }
  });

  it('shows every plane of each African country and both splits in each', () => {
    const pairs = (text: string, column: string) => {
      const [header = [], ...rows] = plainRows(text, ',');
      const [center, other] = [header.indexOf('Center'), header.indexOf(column)];
      return new Set(rows.map((row) => `${row[center]} ${row[other]}`));
    };
    const demo = read('African_planes/African_planes_database.csv').toString('utf8');

    expect(pairs(demo, 'Plane')).toEqual(pairs(AFRICAN_CSV, 'Plane'));
    expect(pairs(demo, 'Train')).toEqual(pairs(AFRICAN_CSV, 'Train'));
  });

  it('holds a FETAL_PLANES_DB patient with several frames of one plane', () => {
    const { records } = joinFolder(listed, csvs);
    const series = new Map<string, number>();
    for (const record of records) {
      if (record.dataset !== 'fetal' || (record.frame?.n ?? 1) < 2) continue;
      const key = `${record.patient} ${record.plane}`;
      series.set(key, (series.get(key) ?? 0) + 1);
    }

    expect(Math.max(...series.values())).toBeGreaterThanOrEqual(4);
  });

  it('holds readable PNGs, no two alike, under 3 MB in all', () => {
    const images = listed.filter((file) => file.path.endsWith('.png'));
    const hashes = new Set<string>();
    for (const image of images) {
      const bytes = read(image.path);
      const header = readPngHeader(bytes, image.size);
      expect([image.path, header.ok]).toEqual([image.path, true]);
      hashes.add(createHash('sha256').update(bytes).digest('hex'));
    }

    expect(hashes.size).toBe(images.length);
    expect(listed.reduce((sum, file) => sum + file.size, 0)).toBeLessThan(3e6);
  });

  it('gives an audit without duplicates: its pictures of different patients look different', async () => {
    const { audit } = await auditInNode(DEMO);
    expect(audit.exactDuplicates).toEqual([]);
    expect(audit.nearDuplicates.crossPatient).toEqual([]);
    expect(audit.nearDuplicates.crossPlane).toEqual([]);
  });
});
