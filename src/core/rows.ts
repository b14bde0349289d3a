import { SPLIT_LABEL, type ImageRecord, type Problem, type ProblemKind } from './types.ts';
import {
  AFRICAN_COUNTRIES,
  AFRICAN_COUNTRY_BY_CODE,
  AFRICAN_NAME,
  AFRICAN_PLANES,
  AFRICAN_PLANE_BY_NUMBER,
  BRAIN_PLANES,
  FETAL_BRAIN,
  FETAL_COUNTRY,
  FETAL_NAME,
  FETAL_PLANE_BY_NUMBER,
  FETAL_PLANES,
  MACHINES,
  NON_BRAIN_PLANES,
  OPERATORS,
} from './vocabulary.ts';

/** A CSV row in the shared vocabulary; the join with the folder adds its path. */
export type CsvRow = Omit<ImageRecord, 'path'>;

/** Where a row comes from, and the list its problems go to. */
export interface RowContext {
  readonly file: string;
  readonly line: number;
  readonly problems: Problem[];
}

/** A row's value by column name, trimmed; '' where the column is empty. */
export type FieldOf = (column: string) => string;

/**
 * Reads one FETAL_PLANES_DB row. Every value is kept as written; values outside the published
 * vocabulary, a name off the `Patient#####_PlaneN_K_of_N` pattern and a Patient_num that
 * disagrees with the name are pushed to `context.problems`. Never throws.
 */
export function readFetalRow(field: FieldOf, context: RowContext): CsvRow {
  const flag = flagger(context);
  const name = field('Image_name');
  const patientNum = field('Patient_num');
  const plane = field('Plane');
  const brainPlane = field('Brain_plane');
  const operator = field('Operator');
  const machine = field('US_Machine');

  checkVocabulary(flag, 'Plane', plane, FETAL_PLANES, 'plane');
  const brainVocabulary = plane === FETAL_BRAIN ? BRAIN_PLANES : NON_BRAIN_PLANES;
  checkVocabulary(flag, 'Brain_plane', brainPlane, brainVocabulary, `brain plane for ${plane}`);
  checkVocabulary(flag, 'Operator', operator, OPERATORS, 'operator');
  checkVocabulary(flag, 'US_Machine', machine, MACHINES, 'ultrasound machine');

  const match = FETAL_NAME.exec(name);
  let frame: ImageRecord['frame'] = null;
  if (match === null) {
    flag('row-name', 'Image_name', `"${name}" does not match Patient#####_PlaneN_K_of_N`);
  } else {
    const [, number = '', planeNumber = '', k = '', n = ''] = match;
    frame = { k: Number(k), n: Number(n) };
    if (frame.k < 1 || frame.k > frame.n) {
      flag('row-name', 'Image_name', `frame ${k} of ${n} in "${name}" is out of range`);
    }
    const namedPlane = FETAL_PLANE_BY_NUMBER[planeNumber];
    if (namedPlane !== plane) {
      flag(
        'row-name',
        'Image_name',
        `"${name}" names Plane${planeNumber} (${namedPlane ?? 'unknown'}) ` +
          `but the row says "${plane}"`,
      );
    }
    if (normalizeNumber(number) !== normalizeNumber(patientNum)) {
      flag('row-patient', 'Patient_num', `${patientNum} disagrees with the name "${name}"`);
    }
  }

  return {
    dataset: 'fetal',
    name,
    plane,
    brainPlane,
    operator,
    machine,
    country: FETAL_COUNTRY,
    patient: normalizeNumber(patientNum),
    split: readSplit(flag, field('Train'), 'Train'),
    frame,
    csvFile: context.file,
    csvLine: context.line,
  };
}

/**
 * Reads one African planes row. The patient key is `<Center>/<Patient_num>`, since patient
 * numbers repeat across countries. Flags values outside the vocabulary, a name off the
 * `patient###_CCC_planeN` pattern, a country code or plane number that disagrees with the row,
 * and a Patient_num that disagrees with the name. Never throws.
 */
export function readAfricanRow(field: FieldOf, context: RowContext): CsvRow {
  const flag = flagger(context);
  const name = field('Filename');
  const patientNum = field('Patient_num');
  const plane = field('Plane');
  const country = field('Center');

  checkVocabulary(flag, 'Plane', plane, AFRICAN_PLANES, 'plane');
  checkVocabulary(flag, 'Center', country, AFRICAN_COUNTRIES, 'centre');

  const match = AFRICAN_NAME.exec(name);
  if (match === null) {
    flag('row-name', 'Filename', `"${name}" does not match patient###_CCC_planeN`);
  } else {
    const [, number = '', code = '', planeNumber = ''] = match;
    const namedCountry = AFRICAN_COUNTRY_BY_CODE[code];
    if (namedCountry !== country) {
      flag('row-name', 'Filename', `"${name}" carries ${code} but the row says "${country}"`);
    }
    const namedPlane = AFRICAN_PLANE_BY_NUMBER[planeNumber];
    if (namedPlane !== plane) {
      flag(
        'row-name',
        'Filename',
        `"${name}" names plane${planeNumber} (${namedPlane ?? 'unknown'}) ` +
          `but the row says "${plane}"`,
      );
    }
    if (normalizeNumber(number) !== normalizeNumber(patientNum)) {
      flag('row-patient', 'Patient_num', `${patientNum} disagrees with the name "${name}"`);
    }
  }

  return {
    dataset: 'african',
    name,
    plane,
    brainPlane: null,
    operator: null,
    machine: null,
    country,
    patient: `${country}/${normalizeNumber(patientNum)}`,
    split: readSplit(flag, field('Train'), 'Train'),
    frame: null,
    csvFile: context.file,
    csvLine: context.line,
  };
}

type Flag = (kind: ProblemKind, column: string, detail: string) => void;

function flagger({ file, line, problems }: RowContext): Flag {
  return (kind, column, detail) => {
    problems.push({
      kind,
      file,
      line,
      column,
      message: `${file}, row ${line}, column ${column}: ${detail}; the row is loaded as written.`,
    });
  };
}

function checkVocabulary(
  flag: Flag,
  column: string,
  value: string,
  known: ReadonlySet<string>,
  what: string,
): void {
  if (value === '') flag('row-value', column, `the ${what} is empty`);
  else if (!known.has(value)) flag('row-value', column, `"${value}" is not a known ${what}`);
}

function readSplit(flag: Flag, value: string, column: string): string {
  if (value === '1') return SPLIT_LABEL.train;
  if (value === '0') return SPLIT_LABEL.test;
  flag('row-value', column, `"${value}" is neither 1 (train) nor 0 (test)`);
  return value;
}

/** `00012` and `12` name the same patient; anything not a plain number stays as written. */
function normalizeNumber(value: string): string {
  return /^\d+$/.test(value) ? String(Number(value)) : value;
}
