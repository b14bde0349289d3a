// The glossary of Planescope: one word per concept, shared by every layer.

/** The two published datasets Planescope knows. */
export type DatasetId = 'fetal' | 'african';

/** How the user sees each dataset's name. */
export const DATASET_LABEL: Readonly<Record<DatasetId, string>> = {
  fetal: 'FETAL_PLANES_DB',
  african: 'African planes',
};

/** The published train/test split, as the user sees it. */
export const SPLIT_LABEL = { train: 'Train', test: 'Test' } as const;

/** Frame K of N frames of one patient and plane (FETAL_PLANES_DB file names only). */
export interface Frame {
  readonly k: number;
  readonly n: number;
}

/**
 * One CSV row, in the shared vocabulary of both datasets. Values are kept as the CSV writes them
 * (trimmed); a value outside the known vocabulary is kept too, and flagged as a problem.
 */
export interface ImageRecord {
  readonly dataset: DatasetId;
  /** The CSV's image name, without folder or extension. */
  readonly name: string;
  /** The file's path relative to the chosen folder, where the row expects it or found it. */
  readonly path: string;
  readonly plane: string;
  /** FETAL_PLANES_DB only; null for the African set. */
  readonly brainPlane: string | null;
  readonly operator: string | null;
  readonly machine: string | null;
  readonly country: string;
  /**
   * Unique within the dataset: Patient_num for FETAL_PLANES_DB, `<Center>/<Patient_num>` for
   * African.
   */
  readonly patient: string;
  /** `Train`, `Test`, or the raw value when it is neither 1 nor 0. */
  readonly split: string;
  readonly frame: Frame | null;
  /** The CSV file (relative path) and its 1-based line number; the header is line 1. */
  readonly csvFile: string;
  readonly csvLine: number;
}

/** What kind of thing a load found wrong. */
export type ProblemKind =
  | 'csv-unknown' // a CSV whose header is neither dataset's
  | 'csv-duplicate' // a second CSV of a dataset already found in the same folder
  | 'row-unreadable' // wrong number of fields: the row is left out
  | 'row-value' // a value outside the known vocabulary
  | 'row-name' // an image name that does not match its dataset's pattern
  | 'row-patient' // Patient_num disagrees with the image name
  | 'row-duplicate' // two rows name the same image
  | 'missing-image' // a row whose image is not in the folder
  | 'unlisted-file' // a file no row names
  | 'duplicate-file' // one image name found at two paths
  | 'metadata-only' // a dataset CSV with none of its images present
  | 'unreadable-image'; // a file that is not a readable PNG

/** One finding of a load, by file (and row and column where they apply). */
export interface Problem {
  readonly kind: ProblemKind;
  /** Relative path of the file the problem is about (the CSV for row problems). */
  readonly file: string;
  readonly line?: number;
  readonly column?: string;
  readonly message: string;
  /** Why, in a few words, where the message wraps it in more (an unreadable image's reason). */
  readonly reason?: string;
}

/** A file in the chosen folder, as the rest of the app knows it. */
export interface FileMeta {
  /** Relative to the chosen folder, `/`-separated, without the folder's own name. */
  readonly path: string;
  readonly size: number;
  readonly lastModified: number;
}

/** Width, height and the pixel format of a PNG, read from its header. */
export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colorType: number;
}

/** What the audit needs of an image's pixels and bytes, as the worker computed them. */
export interface ImageHashes {
  /** SHA-256 of the file's bytes, lowercase hex; '' where the browser offers no digest. */
  readonly content: string;
  /** The image's lowest spatial frequencies, from which the audit takes perceptual hashes. */
  readonly frequencies: Float32Array;
}

/** A result that is either a value or a reason; expected failures are values, not exceptions. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };
