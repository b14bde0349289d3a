// What the Export tab writes, built from the open data: the datasets' own CSVs re-read from the
// folder, the combined CSV, and the files of a subset.

import type { Audit } from '../core/audit/index.ts';
import {
  auditJsonText,
  auditMarkdown,
  combinedRowsOf,
  exportSourceCsv,
  exportSourceCsvWithSplit,
  writeCombinedCsv,
  type SplitPart,
} from '../core/export/index.ts';
import type { DatasetSource } from '../core/join.ts';
import { baseName } from '../core/paths.ts';
import type { RecordTags } from '../core/tags.ts';
import type { Result } from '../core/types.ts';
import { saveBlob, type OutFile, type SaveOutcome } from '../io/save.ts';
import type { OpenData } from './app.ts';

/** A text file an export writes: its path (in a copied folder, the source's own) and text. */
export interface TextExport {
  readonly path: string;
  readonly text: string;
}

/** The name the combined CSV is saved under. */
export const COMBINED_NAME = 'planescope-images.csv';

/**
 * The source CSV of each dataset with at least one record among `ids`, in its own format with
 * only those records' rows; or why one cannot be written (the CSV changed or went missing since
 * the folder was opened).
 */
export async function sourceCsvExports(
  data: OpenData,
  ids: ArrayLike<number>,
): Promise<Result<TextExport[]>> {
  return perSource(data, ids, (text, lines) => exportSourceCsv(text, lines));
}

/**
 * The source CSV of each dataset with records in `parts` (record id to part), in its own format
 * with those rows and the new split written in (see exportSourceCsvWithSplit).
 */
export async function splitCsvExports(
  data: OpenData,
  parts: ReadonlyMap<number, SplitPart>,
): Promise<Result<TextExport[]>> {
  const threeWay = [...parts.values()].includes('validation');
  const byFile = new Map<string, Map<number, SplitPart>>();
  for (const [id, part] of parts) {
    const record = data.index.records[id];
    if (record === undefined) continue;
    const byLine = byFile.get(record.csvFile) ?? new Map<number, SplitPart>();
    byLine.set(record.csvLine, part);
    byFile.set(record.csvFile, byLine);
  }
  return perSource(data, [...parts.keys()], (text, _, csvFile) =>
    exportSourceCsvWithSplit(text, byFile.get(csvFile) ?? new Map(), { splitColumn: threeWay }),
  );
}

/** The audit of the open folder as a Markdown report and as JSON, named after the folder. */
export function auditReportExports(
  data: OpenData,
  audit: Audit,
  progress: { readonly hashed: number; readonly images: number },
): { readonly markdown: TextExport; readonly json: TextExport } {
  const context = { folder: data.name, ...progress };
  return {
    markdown: { path: `${data.name} audit.md`, text: auditMarkdown(data.index, audit, context) },
    json: { path: `${data.name} audit.json`, text: auditJsonText(data.index, audit, context) },
  };
}

/** The combined CSV of the records `ids`, in that order, with their tags. */
export function combinedCsvExport(data: OpenData, ids: ArrayLike<number>, tags: RecordTags) {
  const rows = combinedRowsOf(data.index, Array.from(ids), (_, id) => tags[id] ?? []);
  return { path: COMBINED_NAME, text: writeCombinedCsv(rows) };
}

/**
 * What copying the subset `ids` writes: each present image at its path in the folder, each
 * dataset's CSV with only the subset's rows at its own path (so that the authors' scripts find
 * the images where the CSV says), and the combined CSV with the tags. Images first, in `ids`
 * order, then the CSVs.
 */
export async function subsetFiles(
  data: OpenData,
  ids: ArrayLike<number>,
  tags: RecordTags,
): Promise<Result<OutFile[]>> {
  const csvs = await sourceCsvExports(data, ids);
  if (!csvs.ok) return csvs;
  const files: OutFile[] = [];
  for (const id of Array.from(ids)) {
    const entry = data.entries[id];
    const record = data.index.records[id];
    if (entry == null || record === undefined) continue;
    files.push({ path: entry.path, contents: () => entry.getFile() });
  }
  const texts = [...csvs.value, combinedCsvExport(data, ids, tags)];
  for (const { path, text } of texts) {
    files.push({ path, contents: () => Promise.resolve(csvBlob(text)) });
  }
  return { ok: true, value: files };
}

/**
 * Saves as `name` the CSV of `csvFile` among those `exports` writes (sourceCsvExports,
 * splitCsvExports); fails with the export's reason, or when no row of that CSV is in it.
 */
export async function saveCsvOf(
  exports: Promise<Result<TextExport[]>>,
  csvFile: string,
  name: string,
): Promise<SaveOutcome> {
  const written = await exports;
  if (!written.ok) return { kind: 'failed', reason: written.reason };
  const own = written.value.find((csv) => csv.path === csvFile);
  if (own === undefined) return { kind: 'failed', reason: 'no row of it is shown' };
  return saveBlob(name, csvBlob(own.text));
}

/** A CSV's text as the bytes to save (UTF-8; a BOM in the text is written as one). */
export function csvBlob(text: string): Blob {
  return new Blob([text], { type: 'text/csv;charset=utf-8' });
}

/** Each dataset CSV with rows among `ids`, and how many, in the folder's source order. */
export function rowsPerSource(
  data: OpenData,
  ids: ArrayLike<number>,
): { readonly source: DatasetSource; readonly rows: number }[] {
  const rows = new Map<string, number>();
  for (let at = 0; at < ids.length; at++) {
    const file = data.index.records[ids[at] ?? -1]?.csvFile;
    if (file !== undefined) rows.set(file, (rows.get(file) ?? 0) + 1);
  }
  return data.sources.flatMap((source) => {
    const count = rows.get(source.csvFile) ?? 0;
    return count > 0 ? [{ source, rows: count }] : [];
  });
}

/** The file name a dataset's CSV is saved under alone: its own. */
export function csvFileName(path: string): string {
  return baseName(path);
}

async function perSource(
  data: OpenData,
  ids: ArrayLike<number>,
  write: (text: string, lines: number[], csvFile: string) => Result<string>,
): Promise<Result<TextExport[]>> {
  const linesOf = new Map<string, number[]>();
  for (const id of Array.from(ids)) {
    const record = data.index.records[id];
    if (record === undefined) continue;
    const lines = linesOf.get(record.csvFile) ?? [];
    lines.push(record.csvLine);
    linesOf.set(record.csvFile, lines);
  }
  const out: TextExport[] = [];
  for (const source of data.sources) {
    const lines = linesOf.get(source.csvFile);
    if (lines === undefined) continue;
    const text = await readSource(data, source);
    if (!text.ok) return text;
    const written = write(text.value, lines, source.csvFile);
    if (!written.ok) return { ok: false, reason: `${source.csvFile}: ${written.reason}` };
    out.push({ path: source.csvFile, text: written.value });
  }
  return { ok: true, value: out };
}

/** The CSV's text as on disk now (BOM kept), if it is the file the folder was opened with. */
async function readSource(data: OpenData, source: DatasetSource): Promise<Result<string>> {
  const entry = data.files.get(source.csvFile);
  const changed: Result<string> = {
    ok: false,
    reason: `${source.csvFile} has changed or gone since the folder was opened: open it again.`,
  };
  if (entry === undefined) return changed;
  try {
    const file = await entry.getFile();
    if (file.size !== entry.size || file.lastModified !== entry.lastModified) return changed;
    // Blob.text() drops a BOM; the export must write it back.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await file.arrayBuffer());
    return { ok: true, value: text };
  } catch {
    return changed;
  }
}
