// Stepping through the selection one image at a time, in the grid's order.

/** Where an image sits in an order, and the images before and after it. */
export interface Neighbours {
  /** 0-based position of the image in the order, or -1 when it is not in it. */
  readonly position: number;
  readonly previous: number | null;
  readonly next: number | null;
}

/**
 * Takes an order of record ids, a record id and an anchor (the last id shown that was in the
 * order); returns the id's position and the ids before and after it. An id outside the order
 * (a frame the filters leave out, opened from the frame strip) steps as if it sat just after
 * the anchor: back to the anchor, on to the anchor's next. null at either end, or when neither
 * is in the order. O(n); never throws.
 */
export function neighbours(order: Uint32Array, id: number, anchor: number = id): Neighbours {
  const position = order.indexOf(id);
  const around = position >= 0 ? position : order.indexOf(anchor);
  if (around < 0) return { position, previous: null, next: null };
  const before = position >= 0 ? around - 1 : around;
  return {
    position,
    previous: before >= 0 ? (order[before] ?? null) : null,
    next: order[around + 1] ?? null,
  };
}
