import { formatCount } from '../../core/format.ts';

/** How far the hashing pass is: the duplicate headings are partial until it is through. */
export interface HashProgress {
  readonly hashed: number;
  readonly images: number;
  readonly hashing: boolean;
}

const of = ({ hashed, images }: HashProgress) =>
  `${formatCount(hashed)} of ${formatCount(images)} images hashed`;

/** What a duplicate heading says when it has no group to list. */
export function nothingFound(progress: HashProgress): string {
  if (progress.images === 0) return 'Nothing to compare: the folder holds none of the images.';
  if (progress.hashing) return `Nothing found so far (${of(progress)}).`;
  if (progress.hashed < progress.images) return `Nothing found (${of(progress)}; hashing stopped).`;
  return 'Nothing to report.';
}

/** The note over a duplicate heading's groups while some images are not hashed, else null. */
export function partialNote(progress: HashProgress): string | null {
  if (progress.hashed >= progress.images) return null;
  return progress.hashing ? `Found so far: ${of(progress)}.` : `Partial: ${of(progress)}.`;
}
