import { useDeferredValue, useMemo, useState } from 'react';
import type { SplitPart } from '../../core/export/index.ts';
import {
  DEFAULT_PROPORTIONS,
  DEFAULT_SEED,
  SPLIT_PARTS,
  resplit,
  splitBalance,
  type SplitBalance,
} from '../../core/resplit.ts';
import type { ImageRecord } from '../../core/types.ts';
import type { OpenData } from '../../state/app.ts';

/** The split form as typed: whole percents per part and a seed, kept as text while edited. */
export type SplitForm = Readonly<Record<SplitPart | 'seed', string>>;

const PUBLISHED_PARTS = ['Train', 'Test'];

const INITIAL: SplitForm = {
  train: String(DEFAULT_PROPORTIONS.train * 100),
  validation: String(DEFAULT_PROPORTIONS.validation * 100),
  test: String(DEFAULT_PROPORTIONS.test * 100),
  seed: String(DEFAULT_SEED),
};

/** The new split of a subset, or why the form does not give one. */
export type NewSplit =
  | {
      readonly ok: true;
      /** The part of each image of the subset, by record id. */
      readonly parts: ReadonlyMap<number, SplitPart>;
      readonly balance: SplitBalance;
      /** Whether some image is in the validation part, so the CSVs get a Split column. */
      readonly threeWay: boolean;
      /** A name for files written with it: `70-10-20-seed1`. */
      readonly label: string;
    }
  | { readonly ok: false; readonly reason: string };

function wholeNumber(text: string, min: number, max: number): number | null {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(value) && value >= min && value <= max
    ? value
    : null;
}

/**
 * The Export tab's new split of the images `ids`: the form, the split it gives (recomputed
 * after typing settles), and the published split's balance over the same images.
 */
export function useNewSplit(data: OpenData, ids: Uint32Array) {
  const [form, setForm] = useState<SplitForm>(INITIAL);
  const settled = useDeferredValue(form);
  const records = useMemo(() => {
    const kept: number[] = [];
    const rows: ImageRecord[] = [];
    for (const id of ids) {
      const record = data.index.records[id];
      if (record === undefined) continue;
      kept.push(id);
      rows.push(record);
    }
    return { kept, rows };
  }, [data, ids]);

  const split = useMemo((): NewSplit => {
    const train = wholeNumber(settled.train, 0, 100);
    const validation = wholeNumber(settled.validation, 0, 100);
    const test = wholeNumber(settled.test, 0, 100);
    const seed = wholeNumber(settled.seed, 0, 0xffffffff);
    if (train === null || validation === null || test === null) {
      return { ok: false, reason: 'Each part takes a whole percent from 0 to 100.' };
    }
    if (seed === null) return { ok: false, reason: 'The seed is a whole number from 0 up.' };
    if (train + validation + test !== 100) {
      return { ok: false, reason: `The parts add up to ${train + validation + test}%, not 100%.` };
    }
    const result = resplit(records.rows, { train, validation, test }, seed);
    if (!result.ok) return { ok: false, reason: `${result.reason}.` };
    const { parts } = result.value;
    const byId = new Map<number, SplitPart>();
    records.kept.forEach((id, at) => {
      const part = parts[at];
      if (part !== undefined) byId.set(id, part);
    });
    const balance = splitBalance(records.rows, (at) => parts[at] ?? '', SPLIT_PARTS);
    return {
      ok: true,
      parts: byId,
      balance,
      threeWay: parts.includes('validation'),
      label: `${train}-${validation}-${test}-seed${seed}`,
    };
  }, [records, settled]);

  const published = useMemo(
    () => splitBalance(records.rows, (at) => records.rows[at]?.split ?? '', PUBLISHED_PARTS),
    [records],
  );
  const edit = (field: keyof SplitForm, value: string) =>
    setForm((current) => ({ ...current, [field]: value }));
  return { form, edit, split, published, stale: settled !== form };
}
