// The audit as a report to keep or share: JSON to process here, and Markdown, rendered from that
// JSON, to read (auditMarkdown.ts). Both come from the index, the audit and a context free of
// clocks, so the same folder gives the same bytes.

import { findingCount, type Audit, type FindingKind } from '../audit/audit.ts';
import { crossTab } from '../audit/crossTab.ts';
import type { SizeTally, UnusualSize } from '../audit/sizes.ts';
import type { DatasetIndex } from '../datasetIndex.ts';
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

// Code-unit order, like the join's: the same in every locale.
function byFile(a: { readonly file: string }, b: { readonly file: string }): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}
