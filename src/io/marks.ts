// Named moments of a folder's loading, as User Timing marks: Chromium's performance traces show
// them, and the benchmark reads them to time each pass from the page itself.

/** The marks the app sets; each is set again, with the same name, for every folder opened. */
export const MARK = {
  /** The folder's files are listed. */
  listed: 'planescope:listed',
  /** The folder is listed, its CSVs read and joined, and the index built. */
  indexed: 'planescope:indexed',
  /** The grid reported its first cells on screen to the image pass. */
  firstCells: 'planescope:first-cells',
  /** The first thumbnail reached the grid. */
  firstThumbnail: 'planescope:first-thumbnail',
  /** The header pass starts reading image headers. */
  headersStart: 'planescope:headers-start',
  /** Every present image's header is read (or found unreadable). */
  headersDone: 'planescope:headers-done',
  /** The background thumbnail pass starts. */
  thumbnailsStart: 'planescope:thumbnails-start',
  /** Every present image has a thumbnail (or is unreadable), and the cache has stored them. */
  thumbnailsDone: 'planescope:thumbnails-done',
  /** An audit was run; `count` is the images whose perceptual hashes it compared. */
  audited: 'planescope:audited',
} as const;

export type MarkName = (typeof MARK)[keyof typeof MARK];

/** What a mark carries: counts the benchmark divides by the pass's time. */
export interface MarkDetail {
  readonly count?: number;
}

/** Sets the User Timing mark `name` now; does nothing where User Timing is missing. */
export function mark(name: MarkName, detail: MarkDetail = {}): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  performance.mark(name, { detail });
}
