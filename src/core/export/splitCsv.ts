// A new train / validation / test split, written into a dataset's own CSV format.

import type { Result } from '../types.ts';
import { exportSourceCsv, type SourceEdits } from './sourceCsv.ts';

/** The part of a new split an image is in. */
export type SplitPart = 'train' | 'validation' | 'test';

/** How the Split column writes each part (`Train` and `Test` as SPLIT_LABEL writes them). */
export const SPLIT_PART_LABEL: Readonly<Record<SplitPart, string>> = {
  train: 'Train',
  validation: 'Validation',
  test: 'Test',
};

/** The published split column of both datasets: 1 train, 0 test. */
export const TRAIN_COLUMN = 'Train';

/** The column a three-way split adds after the last. */
export const SPLIT_COLUMN = 'Split';

export interface SplitExportOptions {
  /**
   * Whether to add the Split column; by default, when some kept row is in the validation part.
   * A caller exporting subsets of one three-way split should pass true, so every file has it.
   */
  readonly splitColumn?: boolean;
}

/**
 * Takes a CSV's text and, by line (`csvLine`), the part of the new split of each row to keep;
 * returns the export of those rows (as exportSourceCsv) with the split written in the source's
 * own format. The `Train` column is rewritten in place, quotes and spaces kept: 1 for train and
 * validation, 0 for test, so that a script that only knows the published column still holds the
 * test part out and never tests on an image it trained or tuned on. With the Split column (see
 * SplitExportOptions) every row also gets `Train`, `Validation` or `Test` in a new last column,
 * headed `Split`, written with the same quotes and trailing space as the row's last field
 * (FETAL_PLANES_DB's `Train ;Split ` and `1 ;Validation `, so the published `Train ` name that
 * scripts index by is unchanged). Fails when a row is in the validation part but the Split
 * column is turned off, and as exportSourceCsv fails. O(n); never throws.
 */
export function exportSourceCsvWithSplit(
  text: string,
  parts: ReadonlyMap<number, SplitPart>,
  options: SplitExportOptions = {},
): Result<string> {
  const hasValidation = [...parts.values()].includes('validation');
  const splitColumn = options.splitColumn ?? hasValidation;
  if (hasValidation && !splitColumn) {
    return { ok: false, reason: 'a validation part needs the Split column' };
  }

  const train = new Map([...parts].map(([line, part]) => [line, part === 'test' ? '0' : '1']));
  const labels = new Map([...parts].map(([line, part]) => [line, SPLIT_PART_LABEL[part]]));
  const edits: SourceEdits = {
    replace: { column: TRAIN_COLUMN, values: train },
    ...(splitColumn ? { append: { column: SPLIT_COLUMN, values: labels } } : {}),
  };
  return exportSourceCsv(text, parts.keys(), edits);
}
