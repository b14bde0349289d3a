// The audit as a Markdown report to read, rendered from its JSON (see auditReport.ts).

import { FINDING_HEADING, FINDING_KINDS, type Audit, type FindingKind } from '../audit/audit.ts';
import type { DatasetIndex } from '../datasetIndex.ts';
import { formatCount, formatShare, formatSize } from '../format.ts';
import { DATASET_LABEL } from '../types.ts';
import {
  auditJson,
  type AuditJson,
  type AuditReportContext,
  type ReportImage,
  type ReportNearGroup,
  type ReportRowFile,
} from './auditReport.ts';

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
