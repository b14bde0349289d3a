// The audit: what is wrong with a dataset, as findings over the index.

export {
  FINDING_BIT,
  FINDING_HEADING,
  FINDING_KINDS,
  FINDING_LABEL,
  RECORD_FINDING_KINDS,
  findingCount,
  findingMasks,
  runAudit,
  type Audit,
  type FindingKind,
  type AuditInputs,
  type MissingImage,
  type RecordFindingKind,
  type UnlistedFile,
  type UnreadableImage,
} from './audit.ts';
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
export {
  PHASH_SIDE,
  digestToHex,
  lumaOf,
  centeredHashes,
  lowFrequencies,
  FREQUENCIES,
} from './phash.ts';
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
