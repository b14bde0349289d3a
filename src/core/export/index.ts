// The exports: a dataset's own CSV format, a new split in it, the combined CSV, the audit report.

export {
  COMBINED_HEADER,
  TAG_SEPARATOR,
  combinedRowsOf,
  neutraliseFormula,
  writeCombinedCsv,
  type CombinedRow,
  type CombinedSource,
} from './combinedCsv.ts';
export { quoteField } from './fields.ts';
export { rowLayoutOf, type RowLayout, type RowSpan } from './rowSpans.ts';
export { exportSourceCsv, type ColumnValues, type SourceEdits } from './sourceCsv.ts';
export {
  SPLIT_COLUMN,
  SPLIT_PART_LABEL,
  TRAIN_COLUMN,
  exportSourceCsvWithSplit,
  type SplitExportOptions,
  type SplitPart,
} from './splitCsv.ts';
export {
  AUDIT_JSON_VERSION,
  auditJson,
  auditJsonText,
  type AuditJson,
  type AuditReportContext,
  type ReportImage,
  type ReportNearGroup,
  type ReportRowFile,
} from './auditReport.ts';
export { auditMarkdown, escapeMarkdown } from './auditMarkdown.ts';
