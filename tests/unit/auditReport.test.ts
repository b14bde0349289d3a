import {
  FINDING_HEADING,
  FINDING_KINDS,
  runAudit,
  type FindingKind,
} from '../../src/core/audit/audit.ts';
import { NEAR_DUPLICATE_DEFAULT_BITS } from '../../src/core/audit/duplicates.ts';
import { buildIndex, setImageSize } from '../../src/core/datasetIndex.ts';
import {
  AUDIT_JSON_VERSION,
  auditJson,
  auditJsonText,
  type AuditReportContext,
} from '../../src/core/export/auditReport.ts';
import { auditMarkdown, escapeMarkdown } from '../../src/core/export/auditMarkdown.ts';
import type { ImageRecord, Problem } from '../../src/core/types.ts';
import { frequenciesFor } from './frequencies.ts';
import { africanRecord, fetalFrame } from './records.ts';

const image = fetalFrame;

const HOSTILE = 'a|b_<img src=x>';
const HOSTILE_MACHINE = 'Aloka | <b>';
const HOSTILE_REASON = 'not a PNG: *bold* [link](x) `code` & <b>';

const records: ImageRecord[] = [
  image('10', 1), // 0: clean, of the usual size
  image('11', 1, { name: HOSTILE }), // 1: missing, with a hostile name
  image('12', 1), // 2: unreadable
  image('13', 1), // 3: unreadable, with a hostile reason
  image('20', 1), // 4: patient 20 in Train…
  image('20', 2, { split: 'Test' }), // 5: …and in Test
  image('30', 1), // 6: the same bytes as 7, across splits and patients
  image('31', 1, { split: 'Test' }), // 7
  image('40', 1), // 8: looks like 9, another patient
  image('41', 1), // 9
  image('50', 1), // 10: looks like 11, same patient and plane: only counted
  image('50', 2), // 11
  image('60', 1, { plane: 'Fetal femur', machine: HOSTILE_MACHINE }), // 12: looks like 13…
  image('60', 2, { plane: 'Fetal thorax', machine: HOSTILE_MACHINE }), // 13: …another plane
  ...Array.from({ length: 21 }, (_, at) => image(String(100 + at), 1)), // 14-34: sized
  africanRecord(), // 35: no machine, so left out of the cross-tab
].map((record, id) => ({ ...record, csvLine: id + 2 }));
const ODD = 34;
const USUAL = { width: 800, height: 600 };

const path = (id: number) => records[id]?.path ?? '';
const problem = (kind: Problem['kind'], file: string, more: Partial<Problem> = {}): Problem => ({
  kind,
  file,
  message: `${file}: ${kind}`,
  ...more,
});
// Out of path order, as the image pass reports unreadable files when their reads end.
const problems: Problem[] = [
  problem('unreadable-image', path(3), { reason: HOSTILE_REASON }),
  problem('row-value', 'FETAL_PLANES_DB_data.csv', { line: 3, column: 'Plane' }),
  problem('missing-image', path(1)),
  problem('duplicate-file', `copy/${path(0)}`),
  problem('unlisted-file', 'Images/stray.png'),
  problem('unreadable-image', path(2), { reason: 'empty file (0 bytes)' }),
];

// Walsh codes: any two are 32 bits apart, so only the pairs planted below are alike.
const A = 0x5555555555555555n;
const B = 0x3333333333333333n;
const C = 0x0f0f0f0f0f0f0f0fn;
const D = 0x00ff00ff00ff00ffn;
const E = 0x0000ffff0000ffffn;
const PLANTED: Readonly<Record<number, bigint>> = {
  0: E,
  6: D,
  7: D,
  8: A,
  9: A ^ 1n,
  10: B,
  11: B ^ (3n << 40n),
  12: C,
  13: C ^ (1n << 63n),
};

const PRESENT = records.length - 1;
const CONTEXT: AuditReportContext = { folder: 'My scans', hashed: PRESENT, images: PRESENT };

/** A fresh index and audit of the fixture, as a new load of the same folder would make them. */
function audited(order: readonly Problem[] = problems, nearBits?: number) {
  const index = buildIndex(records, (file) => file !== path(1));
  for (let id = 14; id < ODD; id++) setImageSize(index, id, USUAL.width, USUAL.height, 1000);
  setImageSize(index, 0, USUAL.width, USUAL.height, 1000);
  setImageSize(index, ODD, 640, 480, 1000);
  const contentHashes = records.map((_, id) => (id === 7 ? 'sha6' : `sha${id}`));
  const frequencies = records.map((_, id) => {
    const hash = PLANTED[id];
    return hash === undefined ? undefined : frequenciesFor(hash);
  });
  const audit = runAudit(index, { problems: order, contentHashes, frequencies, nearBits });
  return { index, audit };
}

function markdown(context = CONTEXT, order = problems, nearBits?: number): string {
  const { index, audit } = audited(order, nearBits);
  return auditMarkdown(index, audit, context);
}

/** The text under a `## ` heading that starts with `title`, up to the next heading. */
function section(md: string, title: string): string {
  const part = md.split(/^## /m).find((chunk) => chunk.startsWith(title));
  if (part === undefined) throw new Error(`no heading ${title}`);
  return part.slice(part.indexOf('\n') + 1);
}

const unescape = (text: string) => text.replace(/\\(.)/g, '$1');
const pathsIn = (text: string) => unescape(text).match(/(?:copy\/)?Images\/[^\n]*?\.png/g) ?? [];
/** Markdown-significant characters left unescaped in a text. */
const bare = (text: string) => text.replace(/\\./g, '').match(/[`*_[\]<>#|~&]/g) ?? [];

const COUNTS: Readonly<Record<FindingKind, number>> = {
  missing: 1,
  unlisted: 2,
  unreadable: 2,
  leakage: 1,
  'exact-duplicate': 1,
  'near-duplicate': 2,
  'unusual-size': 2,
};
const PLANTED_FILES: Readonly<Record<FindingKind, readonly string[]>> = {
  missing: [path(1)],
  unlisted: ['Images/stray.png', `copy/${path(0)}`],
  unreadable: [path(2), path(3)],
  leakage: [path(4), path(5)],
  'exact-duplicate': [path(6), path(7)],
  'near-duplicate': [path(8), path(9), path(12), path(13)],
  'unusual-size': [path(ODD), path(ODD)],
};

describe('auditMarkdown', () => {
  const md = markdown();

  it('titles the report with the folder and lists the datasets with their rows and images', () => {
    expect(md.split('\n').slice(0, 6)).toEqual([
      '# Audit of My scans',
      '',
      '- FETAL\\_PLANES\\_DB: 35 rows, 34 images in the folder',
      '- African planes: 1 row, 1 image in the folder',
      '',
      `Images hashed: ${PRESENT} of ${PRESENT}.`,
    ]);
  });

  it('says when hashing stopped short', () => {
    const partial = markdown({ ...CONTEXT, hashed: 20 });
    expect(partial).toContain(
      `Hashing stopped at 20 of ${PRESENT} images: the duplicates are partial.`,
    );
  });

  it('has a heading per kind of finding, in FINDING_KINDS order, then the cross-tab', () => {
    const titles = [...md.matchAll(/^## (.*)$/gm)].map((match) => match[1]);
    expect(titles).toEqual([
      ...FINDING_KINDS.map((kind) => `${FINDING_HEADING[kind]} (${COUNTS[kind]})`),
      'Machine by split',
    ]);
  });

  it.each(FINDING_KINDS)('lists exactly the planted files under %s', (kind) => {
    expect(pathsIn(section(md, FINDING_HEADING[kind]))).toEqual(PLANTED_FILES[kind]);
  });

  it('sorts unreadable files by path whatever order their problems came in', () => {
    expect(
      section(md, FINDING_HEADING.unreadable).split('\n').filter(Boolean).map(unescape),
    ).toEqual([`- ${path(2)}: empty file (0 bytes)`, `- ${path(3)}: ${HOSTILE_REASON}`]);
  });

  it('names the rows of a missing file and marks a second copy of a name', () => {
    expect(unescape(section(md, FINDING_HEADING.missing))).toContain(
      `- ${path(1)} (row 3 of FETAL_PLANES_DB_data.csv)`,
    );
    expect(unescape(section(md, FINDING_HEADING.unlisted))).toContain(
      `- copy/${path(0)} (a second copy of a name a row uses)`,
    );
  });

  it('lists a leaked patient’s images per split', () => {
    expect(section(md, FINDING_HEADING.leakage).split('\n').filter(Boolean).map(unescape)).toEqual([
      '- Patient 20 (FETAL_PLANES_DB): 2 images; 1 image would have to move',
      '  - Train: 1 image',
      `    - ${path(4)}`,
      '  - Test: 1 image',
      `    - ${path(5)}`,
    ]);
  });

  it('gives each exact duplicate its patient and split', () => {
    const text = unescape(section(md, FINDING_HEADING['exact-duplicate']));
    expect(text).toContain('- 2 identical files, spans Train and Test, spans patients');
    expect(text).toContain(`  - ${path(6)} (Patient 30, Train)`);
    expect(text).toContain(`  - ${path(7)} (Patient 31, Test)`);
  });

  it('gives the near-duplicate threshold and only counts frames of one patient and plane', () => {
    const text = unescape(section(md, FINDING_HEADING['near-duplicate']));
    expect(text).toContain(`Threshold: ${NEAR_DUPLICATE_DEFAULT_BITS} bits of 64.`);
    expect(text).toContain('- 2 images of 2 patients');
    expect(text).toContain('- 2 images of one patient, in 2 planes');
    expect(text).toContain('  - Patient 60, Fetal femur:');
    expect(text).toContain('Look-alike frames of one patient and plane: 1 group');
    expect(text).not.toContain(path(10));
    expect(text).not.toContain(path(11));
    expect(markdown(CONTEXT, problems, 3)).toContain('Threshold: 3 bits of 64.');
  });

  it('gives an unusual size its group and the group’s commonest size', () => {
    const text = section(md, FINDING_HEADING['unusual-size']);
    for (const group of ['country Spain', 'machine Voluson E6']) {
      expect(text).toContain(
        `- 640×480 in ${group}: 1 image of 22 of known size (4.5%); ` +
          'the commonest is 800×600 (21 images)',
      );
    }
  });

  it('says Nothing to report. under no heading of a folder with findings everywhere', () => {
    expect(md).not.toContain('Nothing to report.');
  });

  it('says Nothing to report. under every heading of a clean folder', () => {
    const index = buildIndex([image('1', 1), image('2', 1)], () => true);
    const audit = runAudit(index, { problems: [], contentHashes: [], frequencies: [] });
    const clean = auditMarkdown(index, audit, { folder: 'clean', hashed: 2, images: 2 });
    for (const kind of FINDING_KINDS) {
      const body = section(clean, FINDING_HEADING[kind]);
      expect(body.split('\n')).toContain('Nothing to report.');
      expect(body).not.toMatch(/^ *- /m);
    }
  });

  it('writes the machine-by-split cross-tab as a table, machine names escaped', () => {
    const table = section(md, 'Machine by split')
      .split('\n')
      .filter((line) => line.startsWith('|'));
    // Images of each machine in Train and in Test, from the fixture.
    const count = (machine: string | null, split: string) =>
      records.filter((record) => record.machine === machine && record.split === split).length;
    const e6 = { train: count('Voluson E6', 'Train'), test: count('Voluson E6', 'Test') };
    const aloka = { train: count(HOSTILE_MACHINE, 'Train'), test: count(HOSTILE_MACHINE, 'Test') };
    expect(aloka).toEqual({ train: 2, test: 0 });
    expect(table[0]).toBe('| Machine | Train | Test | Total |');
    expect(table).toContain('| Aloka \\| \\<b\\> | 2 (100%) | 0 (0%) | 2 |');
    const train = e6.train + aloka.train;
    const test = e6.test + aloka.test;
    expect(table.at(-1)).toBe(`| Total | ${train} | ${test} | ${train + test} |`);
    for (const line of table) expect(bare(line).filter((c) => c === '|')).toHaveLength(5);
    expect(section(md, 'Machine by split')).toContain(
      'Left out: 1 image with no machine or no split.',
    );
  });

  it('escapes hostile names, reasons and folders so they add no markup or HTML', () => {
    expect(section(md, FINDING_HEADING.missing)).toContain('Images/a\\|b\\_\\<img src=x\\>.png');
    expect(section(md, FINDING_HEADING.unreadable)).toContain(
      'not a PNG: \\*bold\\* \\[link\\](x) \\`code\\` \\& \\<b\\>',
    );
    const prose = md.split('\n').filter((line) => !line.startsWith('#') && !line.startsWith('|'));
    expect(prose.flatMap(bare)).toEqual([]);
    const titled = markdown({ ...CONTEXT, folder: '[x](javascript:y) <script>' });
    expect(titled.split('\n')[0]).toBe('# Audit of \\[x\\](javascript:y) \\<script\\>');
  });

  it('gives the same bytes for the same folder, whatever order problems arrived in', () => {
    expect(markdown()).toBe(md);
    expect(markdown(CONTEXT, [...problems].reverse())).toBe(md);
    expect(md.endsWith('\n')).toBe(true);
  });
});

describe('auditJson', () => {
  const { index, audit } = audited();
  const report = auditJson(index, audit, CONTEXT);

  it('parses back from its text, indented by two spaces with a final newline', () => {
    const text = auditJsonText(index, audit, CONTEXT);
    expect(JSON.parse(text)).toEqual(report);
    expect(text.split('\n')[1]).toBe(`  "version": ${AUDIT_JSON_VERSION},`);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('names the folder, the datasets and the count under each heading', () => {
    expect(report.version).toBe(1);
    expect(report.folder).toBe('My scans');
    expect(report.datasets).toEqual([
      { dataset: 'fetal', label: 'FETAL_PLANES_DB', rows: 35, images: 34 },
      { dataset: 'african', label: 'African planes', rows: 1, images: 1 },
    ]);
    expect(report.findings).toEqual(COUNTS);
  });

  it('lists files by path, missing and unreadable ones with their rows, sorted by path', () => {
    const fetalCsv = 'FETAL_PLANES_DB_data.csv';
    expect(report.missing).toEqual([{ file: path(1), rows: [{ csv: fetalCsv, line: 3 }] }]);
    expect(report.unlisted).toEqual([
      { file: 'Images/stray.png', copy: false },
      { file: `copy/${path(0)}`, copy: true },
    ]);
    expect(report.unreadable).toEqual([
      { file: path(2), rows: [{ csv: fetalCsv, line: 4 }], reason: 'empty file (0 bytes)' },
      { file: path(3), rows: [{ csv: fetalCsv, line: 5 }], reason: HOSTILE_REASON },
    ]);
  });

  it('gives leaks, duplicates and sizes as paths', () => {
    expect(report.leakage).toEqual([
      {
        dataset: 'fetal',
        patient: '20',
        images: 2,
        minority: 1,
        splits: [
          { split: 'Train', files: [path(4)] },
          { split: 'Test', files: [path(5)] },
        ],
      },
    ]);
    expect(report.exactDuplicates.map((group) => group.images.map((one) => one.file))).toEqual([
      [path(6), path(7)],
    ]);
    const folds = (groups: typeof report.nearDuplicates.crossPatient) =>
      groups.map((group) => group.folds.map((fold) => fold.map((one) => one.file)));
    expect(folds(report.nearDuplicates.crossPatient)).toEqual([[[path(8)], [path(9)]]]);
    expect(folds(report.nearDuplicates.crossPlane)).toEqual([[[path(12)], [path(13)]]]);
    expect(report.nearDuplicates.samePatientGroups).toBe(1);
    expect(report.unusualSizes.map((size) => [size.by, size.group, size.files])).toEqual([
      ['country', 'Spain', [path(ODD)]],
      ['machine', 'Voluson E6', [path(ODD)]],
    ]);
    expect(report.unusualSizes[0]?.commonest).toEqual({ ...USUAL, images: 21 });
  });

  it('lists the same paths as the Markdown report', () => {
    const inJson = JSON.stringify(report).match(/(?:copy\/)?Images\/[^"]*?\.png/g) ?? [];
    expect(new Set(inJson)).toEqual(new Set(pathsIn(markdown())));
  });

  it('gives the same text for the same folder, whatever order problems arrived in', () => {
    const again = audited([...problems].reverse());
    expect(auditJsonText(again.index, again.audit, CONTEXT)).toBe(
      auditJsonText(index, audit, CONTEXT),
    );
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['a|b_<img src=x>.png', 'a\\|b\\_\\<img src=x\\>.png'],
    ['back\\slash', 'back\\\\slash'],
    ['`code` *em* [l](u) ~s~ &amp;', '\\`code\\` \\*em\\* \\[l\\](u) \\~s\\~ \\&amp;'],
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['  + item', '  \\+ item'],
    ['12. item', '12\\. item'],
    ['one\ntwo\r\nthree', 'one two three'],
    ['Images/Patient 1 (copy).png', 'Images/Patient 1 (copy).png'],
  ])('writes %j as %j', (value, escaped) => {
    expect(escapeMarkdown(value)).toBe(escaped);
  });
});
