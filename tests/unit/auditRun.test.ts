import {
  FINDING_BIT,
  FINDING_KINDS,
  RECORD_FINDING_KINDS,
  findingCount,
  findingMasks,
  runAudit,
  type Audit,
} from '../../src/core/audit/audit.ts';
import { buildIndex, setImageSize } from '../../src/core/datasetIndex.ts';
import type { ImageRecord, Problem } from '../../src/core/types.ts';
import { frequenciesFor } from './frequencies.ts';
import { fetalFrame } from './records.ts';

const image = fetalFrame;

// Walsh codes: any two are 32 bits apart, so only the pairs planted below are alike.
const A = 0x5555555555555555n;
const B = 0x3333333333333333n;
const C = 0x0f0f0f0f0f0f0f0fn;
const D = 0x00ff00ff00ff00ffn;
const E = 0x0000ffff0000ffffn;

const records: ImageRecord[] = [
  image('10', 1), // 0: clean, of the usual size
  image('11', 1), // 1: missing
  image('12', 1), // 2: unreadable, with a reason
  image('13', 1), // 3: unreadable, with a message alone
  image('20', 1), // 4: patient 20 in Train…
  image('20', 2, { split: 'Test' }), // 5: …and in Test
  image('30', 1), // 6: the same bytes as 7, across splits and patients
  image('31', 1, { split: 'Test' }), // 7
  image('40', 1), // 8: looks like 9, another patient
  image('41', 1), // 9
  image('50', 1), // 10: looks like 11, same patient and plane: expected
  image('50', 2), // 11
  image('60', 1, { plane: 'Fetal femur' }), // 12: looks like 13, same patient, two planes
  image('60', 2, { plane: 'Fetal thorax' }), // 13
  ...Array.from({ length: 21 }, (_, at) => image(String(100 + at), 1)), // 14-34: sized
];
const ODD = 34;
const USUAL = { width: 800, height: 600 };

const path = (id: number) => records[id]?.path ?? '';
const problem = (kind: Problem['kind'], file: string, more: Partial<Problem> = {}): Problem => ({
  kind,
  file,
  message: `${file}: ${kind}`,
  ...more,
});
const problems: Problem[] = [
  problem('row-value', 'FETAL_PLANES_DB_data.csv', { line: 3, column: 'Plane' }),
  problem('missing-image', path(1)),
  problem('unlisted-file', 'Images/stray.png'),
  problem('unreadable-image', path(2), { reason: 'empty file (0 bytes)' }),
  problem('missing-image', path(1)),
  problem('duplicate-file', `copy/${path(0)}`),
  problem('unreadable-image', 'Images/no-row.png', { reason: 'not a PNG (bad signature)' }),
  problem('metadata-only', 'African_planes_database.csv'),
  problem('unreadable-image', path(3), { message: `${path(3)} cannot be shown: it broke.` }),
  problem('unlisted-file', 'Images/stray.png'),
  problem('duplicate-file', `copy/${path(0)}`),
  problem('csv-unknown', 'notes.csv'),
];

/** Perceptual hashes planted per id; the others are not read yet. */
const PLANTED: Readonly<Record<number, bigint>> = {
  0: E,
  6: D,
  7: D, // the same bytes give the same picture: only 6 takes part in the near search
  8: A,
  9: A ^ 1n, // 1 bit from 8
  10: B,
  11: B ^ (3n << 40n), // 2 bits from 10
  12: C,
  13: C ^ (1n << 63n), // 1 bit from 12
};

function audited(nearBits?: number) {
  const index = buildIndex(records, () => true);
  for (let id = 14; id < ODD; id++) setImageSize(index, id, USUAL.width, USUAL.height, 1000);
  setImageSize(index, 0, USUAL.width, USUAL.height, 1000);
  setImageSize(index, ODD, 640, 480, 1000);
  const contentHashes = records.map((_, id) => (id === 7 ? 'sha6' : `sha${id}`));
  const frequencies = records.map((_, id) => {
    const hash = PLANTED[id];
    return hash === undefined ? undefined : frequenciesFor(hash);
  });
  const audit = runAudit(index, { problems, contentHashes, frequencies, nearBits });
  return { index, audit };
}

describe('runAudit', () => {
  const { audit } = audited();

  it('lists missing rows from the problems, each file once', () => {
    expect(audit.missing).toEqual([{ id: 1, ids: [1], file: path(1) }]);
  });

  it('lists files without a row and copies of a row’s file, each once, in problem order', () => {
    expect(audit.unlisted).toEqual([
      { file: 'Images/stray.png', copy: false },
      { file: `copy/${path(0)}`, copy: true },
    ]);
  });

  it('lists unreadable images of records with their reason, or else their message', () => {
    expect(audit.unreadable).toEqual([
      { id: 2, ids: [2], file: path(2), reason: 'empty file (0 bytes)' },
      { id: 3, ids: [3], file: path(3), reason: `${path(3)} cannot be shown: it broke.` },
    ]);
  });

  it('finds the patient in two splits', () => {
    expect(audit.leakage.map((patient) => patient.patient)).toEqual(['20']);
    expect(audit.leakage[0]?.splits).toEqual([
      { split: 'Train', ids: [4] },
      { split: 'Test', ids: [5] },
    ]);
  });

  it('finds the files with equal bytes', () => {
    expect(audit.exactDuplicates).toEqual([
      { hash: 'sha6', ids: [6, 7], crossSplit: true, crossPatient: true },
    ]);
  });

  it('sorts near duplicates into across patients, across planes and same patient and plane', () => {
    const near = audit.nearDuplicates;
    expect(near.bits).toBe(6);
    expect(near.crossPatient.map((group) => group.ids)).toEqual([[8, 9]]);
    expect(near.crossPlane.map((group) => group.ids)).toEqual([[12, 13]]);
    expect(near.samePatient.map((group) => group.ids)).toEqual([[10, 11]]);
  });

  it('finds the odd size within its country and within its machine', () => {
    // 22 images of Spain and of the Voluson E6 have a known size; the odd one is alone in its.
    expect(audit.unusualSizes).toEqual([
      {
        by: 'country',
        group: 'Spain',
        width: 640,
        height: 480,
        ids: [ODD],
        total: 22,
        commonest: { ...USUAL, images: 21 },
      },
      {
        by: 'machine',
        group: 'Voluson E6',
        width: 640,
        height: 480,
        ids: [ODD],
        total: 22,
        commonest: { ...USUAL, images: 21 },
      },
    ]);
  });

  it('applies the near-duplicate threshold it is given', () => {
    const near = audited(0).audit.nearDuplicates;
    expect(near.bits).toBe(0);
    expect([...near.crossPatient, ...near.crossPlane, ...near.samePatient]).toEqual([]);
  });

  it('finds nothing in a folder without problems or hashes', () => {
    const index = buildIndex([image('1', 1), image('2', 1)], () => true);
    const audit = runAudit(index, { problems: [], contentHashes: [], frequencies: [] });
    for (const kind of FINDING_KINDS) expect(findingCount(audit, kind)).toBe(0);
  });
});

describe('findingMasks', () => {
  const { index, audit } = audited();
  const masks = findingMasks(index, audit);

  it('gives each record the bits of the findings it is part of', () => {
    const bit = FINDING_BIT;
    const expected = new Uint8Array(records.length);
    expected[1] = bit.missing;
    expected[2] = bit.unreadable;
    expected[3] = bit.unreadable;
    expected[4] = bit.leakage;
    expected[5] = bit.leakage;
    expected[6] = bit['exact-duplicate'];
    expected[7] = bit['exact-duplicate'];
    expected[8] = bit['near-duplicate'];
    expected[9] = bit['near-duplicate'];
    expected[12] = bit['near-duplicate'];
    expected[13] = bit['near-duplicate'];
    expected[ODD] = bit['unusual-size'];
    expect(masks).toEqual(expected);
  });

  it('leaves a clean record and frames of one patient and plane at 0', () => {
    expect(masks[0]).toBe(0);
    expect(masks[10]).toBe(0);
    expect(masks[11]).toBe(0);
  });

  it('ORs the bits of a record in several findings, and ignores ids outside the index', () => {
    const combined: Audit = {
      ...audit,
      missing: [
        { id: 0, ids: [0], file: path(0) },
        { id: -1, ids: [-1], file: 'x' },
        { id: records.length, ids: [records.length], file: 'y' },
      ],
      unreadable: [{ id: 0, ids: [0], file: path(0), reason: 'r' }],
    };
    const combinedMasks = findingMasks(index, combined);
    expect(combinedMasks).toHaveLength(records.length);
    expect(combinedMasks[0]).toBe(FINDING_BIT.missing | FINDING_BIT.unreadable);
  });
});

describe('runAudit when two rows name one file', () => {
  // Rows 0 and 1 both name the first file (a row repeated); row 2 names its own.
  const first = image('70', 1);
  const rows = [first, { ...first }, image('71', 1)];
  const twice = (kind: 'missing-image' | 'unreadable-image') => {
    const index = buildIndex(rows, () => true);
    const problems = [problem(kind, first.path), problem(kind, rows[2]?.path ?? '')];
    const audit = runAudit(index, { problems, contentHashes: [], frequencies: [] });
    return { audit, masks: findingMasks(index, audit) };
  };

  it('lists a missing file once, with every row that names it, and marks them all', () => {
    const { audit, masks } = twice('missing-image');
    expect(audit.missing.map((found) => [found.file, found.ids])).toEqual([
      [first.path, [0, 1]],
      [rows[2]?.path, [2]],
    ]);
    expect([...masks]).toEqual([FINDING_BIT.missing, FINDING_BIT.missing, FINDING_BIT.missing]);
  });

  it('marks every row of an unreadable file', () => {
    const { audit, masks } = twice('unreadable-image');
    expect(audit.unreadable.map((found) => found.ids)).toEqual([[0, 1], [2]]);
    const bit = FINDING_BIT.unreadable;
    expect([...masks]).toEqual([bit, bit, bit]);
  });
});

describe('findingCount', () => {
  it('counts files, patients, groups and sizes per kind', () => {
    const { audit } = audited();
    const counts = Object.fromEntries(
      FINDING_KINDS.map((kind) => [kind, findingCount(audit, kind)]),
    );
    expect(counts).toEqual({
      missing: 1,
      unlisted: 2,
      unreadable: 2,
      leakage: 1,
      'exact-duplicate': 1,
      // Across patients and across planes; the same patient and plane is not counted.
      'near-duplicate': 2,
      'unusual-size': 2,
    });
  });
});

describe('FINDING_KINDS', () => {
  it('lists the seven kinds in the Audit tab’s order', () => {
    expect(FINDING_KINDS).toEqual([
      'missing',
      'unlisted',
      'unreadable',
      'leakage',
      'exact-duplicate',
      'near-duplicate',
      'unusual-size',
    ]);
    expect(RECORD_FINDING_KINDS).toEqual(FINDING_KINDS.filter((kind) => kind !== 'unlisted'));
  });
});

describe('FINDING_BIT', () => {
  it('gives each kind a record can be part of a bit of its own, fitting a byte', () => {
    const bits = RECORD_FINDING_KINDS.map((kind) => FINDING_BIT[kind]);
    expect(Object.keys(FINDING_BIT).sort()).toEqual([...RECORD_FINDING_KINDS].sort());
    for (const bit of bits) {
      expect(Number.isInteger(Math.log2(bit))).toBe(true);
      expect(bit).toBeLessThan(256);
    }
    expect(new Set(bits).size).toBe(bits.length);
  });
});
