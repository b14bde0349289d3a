import { useMemo } from 'react';
import { findingMasks, runAudit, type Audit } from '../core/audit/index.ts';
import type { Problem } from '../core/types.ts';
import { MARK, mark } from '../io/marks.ts';
import type { AppState, OpenData } from './app.ts';
import { useSession } from './react.ts';
import { useStore } from './useStore.ts';

// Not derived.ts's useApp: derived.ts reads the finding masks from here.
function useApp<S>(select: (state: AppState) => S): S {
  return useStore(useSession().store, select);
}

/** The audit of the open folder as the Audit tab shows it. */
export interface AuditView {
  readonly audit: Audit;
  /** Images the background pass is done with: their hashes are known, or they are unreadable. */
  readonly hashed: number;
  /** Images present in the folder: what `hashed` counts up to. */
  readonly images: number;
  /** True while the background pass still runs, so duplicates found so far are partial. */
  readonly hashing: boolean;
  /** The near-duplicate threshold in use, in bits. */
  readonly nearBits: number;
}

interface Done {
  readonly data: OpenData;
  readonly version: number;
  readonly bits: number;
  readonly problems: readonly Problem[];
  readonly audit: Audit;
  masks: Uint8Array | null;
}

// The Audit tab and the Finding facet read the same audit: it is run once per version, not once
// per component that asks.
let last: Done | null = null;

function auditOf(
  data: OpenData,
  version: number,
  bits: number,
  problems: readonly Problem[],
): Done {
  if (
    last?.data === data &&
    last.version === version &&
    last.bits === bits &&
    last.problems === problems
  ) {
    return last;
  }
  const audit = runAudit(data.index, {
    problems,
    contentHashes: data.hashes.content,
    frequencies: data.hashes.frequencies,
    nearBits: bits,
  });
  let hashed = 0;
  for (const values of data.hashes.frequencies) if (values !== undefined) hashed++;
  mark(MARK.audited, { count: hashed });
  last = { data, version, bits, problems, audit, masks: null };
  return last;
}

/** The audit as it stands (redone as hashes arrive, every few seconds); null with no folder. */
export function useAudit(): AuditView | null {
  const data = useApp((state) => state.data);
  const version = useApp((state) => state.auditVersion);
  const bits = useApp((state) => state.nearBits);
  const problems = useApp((state) => state.problems);
  const hashed = useApp((state) => state.progress.scanned);
  const images = useApp((state) => state.progress.images);
  const hashing = useApp((state) => state.progress.scanning);
  const audit = useMemo(
    () => (data === null ? null : auditOf(data, version, bits, problems).audit),
    [data, version, bits, problems],
  );
  return useMemo(
    () => (audit === null ? null : { audit, hashed, images, hashing, nearBits: bits }),
    [audit, hashed, images, hashing, bits],
  );
}

/** Per record id, the findings it is part of (see findingMasks); null with no folder. */
export function useFindingMasks(): Uint8Array | null {
  const data = useApp((state) => state.data);
  const version = useApp((state) => state.auditVersion);
  const bits = useApp((state) => state.nearBits);
  const problems = useApp((state) => state.problems);
  return useMemo(() => {
    if (data === null) return null;
    const done = auditOf(data, version, bits, problems);
    done.masks ??= findingMasks(data.index, done.audit);
    return done.masks;
  }, [data, version, bits, problems]);
}
