import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Audit } from '../../src/core/audit/audit.ts';
import type { DatasetIndex } from '../../src/core/datasetIndex.ts';
import { AUDIT_FOLDER, auditPlan } from '../fixtures/audit.ts';
import type { AuditPlan } from '../fixtures/audit.ts';
import { generateFolder } from '../fixtures/generate.ts';
import type { Manifest } from '../fixtures/spec.ts';
import { auditInNode } from './nodeAudit.ts';

/** Clean images of two patients must be this far apart: the browser's resize is not ours. */
const CLEAN_MARGIN = 14;
/** A planted near copy must be this close to its original. */
const NEAR_MARGIN = 4;

let scratch = '';
let manifest: Manifest;
let plan: AuditPlan;
let index: DatasetIndex;
let audit: Audit;
let hashes: (bigint | undefined)[];
let content: (string | undefined)[];

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'planescope-audit-'));
  manifest = await generateFolder({ ...AUDIT_FOLDER, out: join(scratch, 'audit') });
  plan = auditPlan(manifest);
  ({ index, audit, hashes, content } = await auditInNode(manifest.out));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function bits(a: bigint, b: bigint): number {
  let x = a ^ b;
  let count = 0;
  for (; x > 0n; x >>= 1n) count += Number(x & 1n);
  return count;
}

const pathsOf = (ids: readonly number[]) => ids.map((id) => index.records[id]?.path ?? '');
const sorted = (paths: readonly string[]) => [...paths].sort();

describe('the audit fixture folder', () => {
  it('keeps real rows of both datasets, with machine groups of 20 and more', () => {
    expect(manifest.csvs.map((csv) => [csv.path, csv.rows])).toEqual([
      ['FETAL_PLANES_DB/FETAL_PLANES_DB_data.csv', 156],
      ['African_planes/African_planes_database.csv', 65],
    ]);
    const machines = new Map<string, number>();
    for (const record of index.records) {
      if (record.machine) machines.set(record.machine, (machines.get(record.machine) ?? 0) + 1);
    }
    expect(Object.fromEntries(machines)).toEqual({
      Aloka: 63,
      'Voluson E6': 73,
      'Voluson S10': 15,
      Other: 5,
    });
  });

  it('rewrites only the Train value of the leaked row in the CSV', async () => {
    const text = await readFile(join(manifest.out, manifest.csvs[0]?.path ?? ''), 'utf8');
    const source = await readFile(new URL('../fixtures/FETAL_PLANES_DB_data.csv', import.meta.url));
    const published = source.toString('utf8').split('\n');
    const lines = text.split('\n');
    expect(lines[0]).toBe('Image_name;Patient_num;Plane;Brain_plane;Operator;US_Machine;Train ');
    expect(text.endsWith(' \n')).toBe(true);
    const changed = lines.filter((line) => line !== '' && !published.includes(line));
    expect(changed).toEqual([
      'Patient01263_Plane3_2_of_3;1263;Fetal brain;Trans-thalamic;Op. 2;Voluson E6;1 ',
    ]);
  });

  it('plants each finding once and the audit finds exactly those', () => {
    expect(plan).toEqual({
      missing: [expect.any(String), expect.any(String)],
      unlisted: ['African_planes/Egypt/IMG_0042.png', 'notes.txt'],
      unreadable: [
        { path: expect.stringMatching(/^FETAL_PLANES_DB\/Images\//), kind: 'zero-byte' },
        { path: expect.stringMatching(/^African_planes\//), kind: 'jpeg-as-png' },
      ],
      leakage: [{ dataset: 'fetal', patient: '1263' }],
      exact: [
        [
          'FETAL_PLANES_DB/Images/Patient00693_Plane3_2_of_3.png',
          'FETAL_PLANES_DB/Images/Patient01389_Plane3_1_of_2.png',
        ],
      ],
      near: [
        [
          'FETAL_PLANES_DB/Images/Patient00706_Plane3_3_of_5.png',
          'FETAL_PLANES_DB/Images/Patient01434_Plane3_1_of_6.png',
        ],
      ],
      oddSize: ['Spain', 'Voluson E6'].map((group, i) => ({
        path: 'FETAL_PLANES_DB/Images/Patient01237_Plane5_1_of_3.png',
        width: 320,
        height: 96,
        by: i === 0 ? 'country' : 'machine',
        group,
      })),
    });

    expect(sorted(audit.missing.map((found) => found.file))).toEqual(sorted(plan.missing));
    expect(sorted(audit.unlisted.map((found) => found.file))).toEqual(sorted(plan.unlisted));
    expect(sorted(audit.unreadable.map((found) => found.file))).toEqual(
      sorted(plan.unreadable.map((found) => found.path)),
    );
    expect(audit.leakage.map(({ dataset, patient }) => ({ dataset, patient }))).toEqual(
      plan.leakage,
    );
    expect(audit.exactDuplicates.map((group) => pathsOf(group.ids))).toEqual(plan.exact);
    const near = audit.nearDuplicates;
    expect([...near.crossPatient, ...near.crossPlane].map((group) => pathsOf(group.ids))).toEqual(
      plan.near,
    );
    expect(near.samePatient).toEqual([]);
    expect(
      audit.unusualSizes.flatMap(({ ids, width, height, by, group }) =>
        pathsOf(ids).map((path) => ({ path, width, height, by, group })),
      ),
    ).toEqual(plan.oddSize);
  });

  it('draws clean images of two patients far apart, and the near copy close', () => {
    const planted = new Set(plan.near.flat());
    const ids = index.records.flatMap((_, id) => (hashes[id] === undefined ? [] : [id]));
    const clean: number[] = [];
    const copies: number[] = [];
    for (const a of ids) {
      for (const b of ids) {
        const [ra, rb] = [index.records[a], index.records[b]];
        if (b <= a || !ra || !rb || ra.patient === rb.patient || content[a] === content[b])
          continue;
        const apart = bits(hashes[a] ?? 0n, hashes[b] ?? 0n);
        (planted.has(ra.path) && planted.has(rb.path) ? copies : clean).push(apart);
      }
    }
    expect(clean.length).toBeGreaterThan(20_000);
    expect(Math.min(...clean)).toBeGreaterThanOrEqual(CLEAN_MARGIN);
    expect(copies).toHaveLength(1);
    expect(copies[0]).toBeLessThanOrEqual(NEAR_MARGIN);
  });
});
