// The audit as a report to keep or share: JSON to process, and Markdown, rendered from that JSON,
// to read. Both come from the index, the audit and a context free of clocks, so the same folder
// gives the same bytes.

import {
  FINDING_HEADING,
  FINDING_KINDS,
  findingCount,
  type Audit,
  type FindingKind,
} from '../audit/audit.ts';
import { crossTab } from '../audit/crossTab.ts';
import type { SizeTally, UnusualSize } from '../audit/sizes.ts';
import type { DatasetIndex } from '../datasetIndex.ts';
import { formatCount, formatShare, formatSize } from '../format.ts';
import { DATASET_LABEL, type DatasetId } from '../types.ts';

/** What a report says besides the index and the audit: nothing that changes from run to run. */
export interface AuditReportContext {
  /** The opened folder's own name. */
  readonly folder: string;
  /** Images the hashing pass is done with (hashed, or found unreadable). */
  readonly hashed: number;
  /** Images present in the folder: what `hashed` counts up to. */
  readonly images: number;
}

/** The version of the JSON report's shape; raised when a field changes meaning or goes. */
export const AUDIT_JSON_VERSION = 1;

/** An image as the report names it. */
export interface ReportImage {
  readonly file: string;
  readonly dataset: DatasetId;
  readonly patient: string;
  readonly plane: string;
  readonly split: string;
}

/** A file that rows name, with those rows (the CSV's relative path and 1-based line). */
export interface ReportRowFile {
  readonly file: string;
  readonly rows: readonly { readonly csv: string; readonly line: number }[];
}

/** Near duplicates across patients or planes: their images by patient and plane. */
export interface ReportNearGroup {
  readonly patients: number;
  readonly crossSplit: boolean;
  readonly folds: readonly (readonly ReportImage[])[];
}

/** The audit as plain data: paths instead of record ids, in an order fixed by the folder. */
export interface AuditJson {
  readonly version: typeof AUDIT_JSON_VERSION;
  readonly folder: string;
  readonly hashed: number;
  readonly images: number;
  readonly datasets: readonly {
    readonly dataset: DatasetId;
    readonly label: string;
    readonly rows: number;
    readonly images: number;
  }[];
  /** As the headings count them (see findingCount). */
  readonly findings: Readonly<Record<FindingKind, number>>;
  readonly missing: readonly ReportRowFile[];
  readonly unlisted: readonly { readonly file: string; readonly copy: boolean }[];
  readonly unreadable: readonly (ReportRowFile & { readonly reason: string })[];
  readonly leakage: readonly {
    readonly dataset: DatasetId;
    readonly patient: string;
    readonly images: number;
    readonly minority: number;
    readonly splits: readonly { readonly split: string; readonly files: readonly string[] }[];
  }[];
  readonly exactDuplicates: readonly {
    readonly hash: string;
    readonly crossSplit: boolean;
    readonly crossPatient: boolean;
    readonly images: readonly ReportImage[];
  }[];
  readonly nearDuplicates: {
    readonly bits: number;
    readonly crossPatient: readonly ReportNearGroup[];
    readonly crossPlane: readonly ReportNearGroup[];
    /** Groups of look-alike frames of one patient and plane: expected, so only counted. */
    readonly samePatientGroups: number;
  };
  readonly unusualSizes: readonly (Pick<UnusualSize, 'by' | 'group' | 'width' | 'height'> & {
    readonly total: number;
    readonly commonest: SizeTally;
    readonly files: readonly string[];
  })[];
  /** Images per machine and split over the whole folder. */
  readonly crossTab: {
    readonly columns: readonly string[];
    readonly rows: readonly { readonly machine: string; readonly counts: readonly number[] }[];
    readonly rowTotals: readonly number[];
    readonly columnTotals: readonly number[];
    readonly total: number;
    readonly unvalued: number;
  };
}

const DATASETS: readonly DatasetId[] = ['fetal', 'african'];

/**
 * Takes an index, its audit and the report's context; returns the audit as JSON-ready data with
 * each record id replaced by its path (or row, for missing and unreadable files). Missing,
 * unlisted and unreadable files are sorted by path in code-unit order, since the problems they
 * come from arrive in the order images were read; the rest keep the audit's order, which follows
 * the index. Ids outside the index are left out. O(n + findings); never throws.
 */
export function auditJson(
  index: DatasetIndex,
  audit: Audit,
  context: AuditReportContext,
): AuditJson {
  const { records } = index;
  const imagesOf = (ids: readonly number[]): ReportImage[] =>
    ids.flatMap((id) => {
      const record = records[id];
      if (record === undefined) return [];
      const { path: file, dataset, patient, plane, split } = record;
      return [{ file, dataset, patient, plane, split }];
    });
  const filesOf = (ids: readonly number[]) => imagesOf(ids).map((image) => image.file);
  const rowsOf = (ids: readonly number[]) =>
    ids.flatMap((id) => {
      const record = records[id];
      return record === undefined ? [] : [{ csv: record.csvFile, line: record.csvLine }];
    });
  const near = audit.nearDuplicates;
  const nearGroups = (groups: typeof near.crossPatient): ReportNearGroup[] =>
    groups.map((group) => ({
      patients: group.patients,
      crossSplit: group.crossSplit,
      folds: group.folds.map(imagesOf),
    }));
  const table = crossTab(index, 'machine', 'split');
  const width = table.columns.length;

  return {
    version: AUDIT_JSON_VERSION,
    folder: context.folder,
    hashed: context.hashed,
    images: context.images,
    datasets: DATASETS.flatMap((dataset) => {
      let rows = 0;
      let images = 0;
      records.forEach((record, id) => {
        if (record.dataset !== dataset) return;
        rows++;
        images += index.present[id] ?? 0;
      });
      return rows === 0 ? [] : [{ dataset, label: DATASET_LABEL[dataset], rows, images }];
    }),
    findings: {
      missing: findingCount(audit, 'missing'),
      unlisted: findingCount(audit, 'unlisted'),
      unreadable: findingCount(audit, 'unreadable'),
      leakage: findingCount(audit, 'leakage'),
      'exact-duplicate': findingCount(audit, 'exact-duplicate'),
      'near-duplicate': findingCount(audit, 'near-duplicate'),
      'unusual-size': findingCount(audit, 'unusual-size'),
    },
    missing: audit.missing
      .map((found) => ({ file: found.file, rows: rowsOf(found.ids) }))
      .sort(byFile),
    unlisted: audit.unlisted
      .map(({ file, copy }) => ({ file, copy }))
      .sort((a, b) => byFile(a, b) || Number(a.copy) - Number(b.copy)),
    unreadable: audit.unreadable
      .map((found) => ({ file: found.file, rows: rowsOf(found.ids), reason: found.reason }))
      .sort(byFile),
    leakage: audit.leakage.map((leaked) => ({
      dataset: leaked.dataset,
      patient: leaked.patient,
      images: leaked.images,
      minority: leaked.minority,
      splits: leaked.splits.map((entry) => ({ split: entry.split, files: filesOf(entry.ids) })),
    })),
    exactDuplicates: audit.exactDuplicates.map((group) => ({
      hash: group.hash,
      crossSplit: group.crossSplit,
      crossPatient: group.crossPatient,
      images: imagesOf(group.ids),
    })),
    nearDuplicates: {
      bits: near.bits,
      crossPatient: nearGroups(near.crossPatient),
      crossPlane: nearGroups(near.crossPlane),
      samePatientGroups: near.samePatient.length,
    },
    unusualSizes: audit.unusualSizes.map((size) => ({
      by: size.by,
      group: size.group,
      width: size.width,
      height: size.height,
      total: size.total,
      commonest: { ...size.commonest },
      files: filesOf(size.ids),
    })),
    crossTab: {
      columns: [...table.columns],
      rows: table.rows.map((machine, r) => ({
        machine,
        counts: Array.from(table.counts.subarray(r * width, (r + 1) * width)),
      })),
      rowTotals: Array.from(table.rowTotals),
      columnTotals: Array.from(table.columnTotals),
      total: table.total,
      unvalued: table.unvalued,
    },
  };
}

/**
 * Takes what auditJson takes; returns its result as JSON text, indented by two spaces, with a
 * final newline. Never throws.
 */
export function auditJsonText(
  index: DatasetIndex,
  audit: Audit,
  context: AuditReportContext,
): string {
  return `${JSON.stringify(auditJson(index, audit, context), null, 2)}\n`;
}

/**
 * Takes what auditJson takes; returns a Markdown report: a title with the folder's name, the
 * datasets with their rows and images, then one section per FINDING_KINDS heading (`Nothing to
 * report.` under an empty one; near duplicates of one patient and plane only counted), then the
 * machine-by-split cross-tab as a table. Every value from the folder is passed through
 * escapeMarkdown. Lines end in `\n`, the last one too. Never throws.
 */
export function auditMarkdown(
  index: DatasetIndex,
  audit: Audit,
  context: AuditReportContext,
): string {
  const report = auditJson(index, audit, context);
  const lines = [`# Audit of ${escapeMarkdown(report.folder)}`, '', ...overview(report)];
  for (const kind of FINDING_KINDS) {
    const body = SECTION[kind](report);
    lines.push('', `## ${FINDING_HEADING[kind]} (${formatCount(report.findings[kind])})`, '');
    lines.push(...(body.length === 0 ? [NOTHING] : body));
  }
  lines.push('', '## Machine by split', '', ...crossTabLines(report.crossTab));
  return `${lines.join('\n')}\n`;
}

const SIGNIFICANT = /[\\`*_[\]<>#|~&]/g;

/**
 * Takes a value from a CSV or a file name; returns it as Markdown text that reads as the value:
 * line breaks become spaces, the characters Markdown or HTML give meaning to
 * (`` \ ` * _ [ ] < > # | ~ & ``) get a backslash, and so does a leading `-`, `+`, `=` or `1.`
 * that would open a list or a heading where the value starts a list item. Never throws.
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/\r\n?|\n/g, ' ')
    .replace(SIGNIFICANT, (char) => `\\${char}`)
    .replace(/^(\s*)([-+=]|\d+[.)])/, (_, space: string, lead: string) => {
      return `${space}${lead.slice(0, -1)}\\${lead.slice(-1)}`;
    });
}

const NOTHING = 'Nothing to report.';
const e = escapeMarkdown;

function overview(report: AuditJson): string[] {
  const datasets = report.datasets.map(
    (entry) =>
      `- ${e(entry.label)}: ${countOf(entry.rows, 'row')}, ` +
      `${countOf(entry.images, 'image')} in the folder`,
  );
  const hashing =
    report.hashed < report.images
      ? `Hashing stopped at ${formatCount(report.hashed)} of ${countOf(report.images, 'image')}: ` +
        'the duplicates are partial.'
      : `Images hashed: ${formatCount(report.hashed)} of ${formatCount(report.images)}.`;
  return [...(datasets.length === 0 ? ['No dataset CSV was loaded.'] : datasets), '', hashing];
}

const SECTION: Readonly<Record<FindingKind, (report: AuditJson) => string[]>> = {
  missing: (report) => report.missing.map((found) => `- ${e(found.file)}${rowsText(found)}`),
  unlisted: (report) =>
    report.unlisted.map(
      (found) => `- ${e(found.file)}${found.copy ? ' (a second copy of a name a row uses)' : ''}`,
    ),
  unreadable: (report) =>
    report.unreadable.map((found) => `- ${e(found.file)}: ${e(found.reason)}`),
  leakage: (report) =>
    report.leakage.flatMap((leaked) => [
      `- Patient ${e(leaked.patient)} (${e(DATASET_LABEL[leaked.dataset])}): ` +
        `${countOf(leaked.images, 'image')}; ` +
        `${countOf(leaked.minority, 'image')} would have to move`,
      ...leaked.splits.flatMap((entry) => [
        `  - ${e(entry.split)}: ${countOf(entry.files.length, 'image')}`,
        ...entry.files.map((file) => `    - ${e(file)}`),
      ]),
    ]),
  'exact-duplicate': (report) =>
    report.exactDuplicates.flatMap((group) => [
      `- ${[
        countOf(group.images.length, 'identical file'),
        ...(group.crossSplit ? ['spans Train and Test'] : []),
        ...(group.crossPatient ? ['spans patients'] : []),
      ].join(', ')}`,
      ...group.images.map((image) => `  - ${e(image.file)} (${whose(image)}, ${e(image.split)})`),
    ]),
  'near-duplicate': (report) => {
    const near = report.nearDuplicates;
    const groups = [...near.crossPatient, ...near.crossPlane].flatMap(nearLines);
    return [
      `Threshold: ${countOf(near.bits, 'bit')} of 64.`,
      '',
      ...(groups.length === 0 ? [NOTHING] : groups),
      '',
      `Look-alike frames of one patient and plane: ${countOf(near.samePatientGroups, 'group')} ` +
        '(expected, not counted above).',
    ];
  },
  'unusual-size': (report) =>
    report.unusualSizes.flatMap((size) => [
      `- ${formatSize(size.width, size.height)} in ${size.by} ${e(size.group)}: ` +
        `${countOf(size.files.length, 'image')} of ${formatCount(size.total)} of known size ` +
        `(${formatShare(size.files.length / size.total)}); the commonest is ` +
        `${formatSize(size.commonest.width, size.commonest.height)} ` +
        `(${countOf(size.commonest.images, 'image')})`,
      ...size.files.map((file) => `  - ${e(file)}`),
    ]),
};

function nearLines(group: ReportNearGroup): string[] {
  const images = group.folds.reduce((sum, fold) => sum + fold.length, 0);
  const spread =
    group.patients > 1
      ? `of ${countOf(group.patients, 'patient')}`
      : `of one patient, in ${countOf(group.folds.length, 'plane')}`;
  const split = group.crossSplit ? ', spans Train and Test' : '';
  return [
    `- ${countOf(images, 'image')} ${spread}${split}`,
    ...group.folds.flatMap((fold) => {
      const first = fold[0];
      if (first === undefined) return [];
      return [
        `  - ${whose(first)}, ${e(first.plane)}:`,
        ...fold.map((image) => `    - ${e(image.file)} (${e(image.split)})`),
      ];
    }),
  ];
}

function crossTabLines(table: AuditJson['crossTab']): string[] {
  if (table.rows.length === 0) return ['No image has both a machine and a split.'];
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const lines = [
    row(['Machine', ...table.columns.map(e), 'Total']),
    row(['---', ...table.columns.map(() => '---:'), '---:']),
    ...table.rows.map((entry, r) => {
      const total = table.rowTotals[r] ?? 0;
      const cells = entry.counts.map(
        (count) => `${formatCount(count)} (${formatShare(total === 0 ? 0 : count / total)})`,
      );
      return row([e(entry.machine), ...cells, formatCount(total)]);
    }),
    row(['Total', ...table.columnTotals.map(formatCount), formatCount(table.total)]),
  ];
  if (table.unvalued === 0) return lines;
  return [
    ...lines,
    '',
    `Left out: ${countOf(table.unvalued, 'image')} with no machine or no split.`,
  ];
}

function rowsText(found: ReportRowFile): string {
  if (found.rows.length === 0) return '';
  return ` (${found.rows.map((row) => `row ${row.line} of ${e(row.csv)}`).join('; ')})`;
}

function whose(image: ReportImage): string {
  return `Patient ${e(image.patient)}`;
}

function countOf(n: number, one: string): string {
  return `${formatCount(n)} ${n === 1 ? one : `${one}s`}`;
}

// Code-unit order, like the join's: the same in every locale.
function byFile(a: { readonly file: string }, b: { readonly file: string }): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}
