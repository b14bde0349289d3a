import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { buildIndex } from '../../src/core/datasetIndex.ts';
import type { ImageRecord } from '../../src/core/types.ts';
import { SessionContext } from '../../src/state/react.ts';
import { createSession, type Session } from '../../src/state/session.ts';

/** A session with `records` open as if a folder had been read, every image present. */
export function openSession(records: readonly ImageRecord[]): Session {
  const session = createSession();
  const index = buildIndex(records, () => true);
  session.store.set({
    phase: 'ready',
    data: {
      name: 'test folder',
      origin: 'input',
      sources: [],
      index,
      entries: records.map(() => null),
      metadataOnly: false,
      files: new Map(),
      hashes: { content: [], frequencies: [] },
      handle: null,
    },
  });
  return session;
}

/** Renders `ui` inside the given session's provider. */
export function renderWith(session: Session, ui: ReactNode) {
  return render(<SessionContext value={session}>{ui}</SessionContext>);
}
