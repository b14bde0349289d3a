// The audit: what is wrong with a dataset, as findings over the index.

/** What kind of thing an audit found: a heading of the Audit tab and a value of its facet. */
export type FindingKind =
  | 'missing' // a row whose image is not in the folder
  | 'unlisted' // a file no row names
  | 'unreadable' // empty, truncated, or not a PNG
  | 'leakage' // a patient in more than one split
  | 'exact-duplicate' // files with identical bytes
  | 'near-duplicate' // images that look the same
  | 'unusual-size'; // a size rare within its country or machine

export { crossTab, type CrossTab, type CrossTabField } from './crossTab.ts';
export {
  NEAR_DUPLICATE_DEFAULT_BITS,
  NEAR_DUPLICATE_MAX_BITS,
  NEAR_DUPLICATE_MIN_BITS,
  findExactDuplicates,
  findNearDuplicates,
  type ExactDuplicateGroup,
  type NearDuplicateGroup,
  type NearDuplicateOptions,
  type NearDuplicates,
} from './duplicates.ts';
export { findLeakage, type LeakedPatient, type SplitImages } from './leakage.ts';
export {
  UNUSUAL_SIZE_MIN_GROUP,
  UNUSUAL_SIZE_MIN_IMAGES,
  UNUSUAL_SIZE_MIN_USUAL_SHARE,
  UNUSUAL_SIZE_RARE_SHARE,
  findUnusualSizes,
  type SizeTally,
  type UnusualSize,
} from './sizes.ts';
