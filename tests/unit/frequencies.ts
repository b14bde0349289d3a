// Test inputs for the audit's perceptual hashes, which it takes from images' low frequencies.

import { FREQUENCIES } from '../../src/core/audit/phash.ts';

/**
 * Low frequencies whose centred hash (core/audit/phash.ts centeredHashes) is `hash` among images
 * that disagree on every bit: frequency k is +100 where bit 63 - k is set and -100 where not.
 * A frequency on which all images agree sits on its mean and reads 0 in all of them, so the Hamming distance between any two such images is always that of their `hash`es.
 */
export function frequenciesFor(hash: bigint): Float32Array {
  return Float32Array.from({ length: FREQUENCIES }, (_, k) =>
    (hash >> BigInt(FREQUENCIES - 1 - k)) & 1n ? 100 : -100,
  );
}
