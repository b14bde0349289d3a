import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { framesOf } from '../../core/frames.ts';
import { neighbours } from '../../core/neighbours.ts';
import type { Extent } from '../../core/viewport.ts';
import { FULL_RANGE, filterCss, windowLevelSteps } from '../../core/windowLevel.ts';
import { useApp, useData, useOrderedSelection } from '../../state/derived.ts';
import { useSession } from '../../state/react.ts';
import { ErrorBoundary } from '../../ui/ErrorBoundary.tsx';
import { Adjustments } from './Adjustments.tsx';
import { FrameStrip } from './FrameStrip.tsx';
import { ImageStage } from './ImageStage.tsx';
import { Metadata } from './Metadata.tsx';
import { TagEditor } from '../../ui/TagEditor.tsx';
import { useDialogFocus } from './useDialogFocus.ts';
import { ViewerHeader } from './ViewerHeader.tsx';
import './viewer.css';

/**
 * The image viewer: the record `state.viewer` names, full size, over the whole page. Mounted
 * while `state.viewer` is not null; Escape or Close sets it back to null.
 */
export default function Viewer() {
  const session = useSession();
  const data = useData();
  const id = useApp((state) => state.viewer) ?? -1;
  const problems = useApp((state) => state.problems);
  // Sizes are written into the index in place; this is the signal that they changed.
  useApp((state) => state.sizesVersion);
  const order = useOrderedSelection();
  const [anchor, setAnchor] = useState(id);
  const [windowLevel, setWindowLevel] = useState(FULL_RANGE);
  const [invert, setInvert] = useState(false);
  const [loaded, setLoaded] = useState<{ id: number; size: Extent } | null>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const trapTab = useDialogFocus(dialog, id);
  const titleId = useId();

  const step = neighbours(order, id, anchor);
  // Stepping from a frame outside the filters goes on from the last image inside them.
  if (step.position >= 0 && anchor !== id) setAnchor(id);

  const record = data?.index.records[id];
  if (data === null || record === undefined) return null;
  const { index } = data;
  const entry = data.entries[id] ?? null;
  const fileName = record.path.slice(record.path.lastIndexOf('/') + 1);
  const known = (index.width[id] ?? 0) > 0;
  const size = known
    ? { width: index.width[id] ?? 0, height: index.height[id] ?? 0 }
    : loaded?.id === id
      ? loaded.size
      : null;
  const problem = problems.find((p) => p.kind === 'unreadable-image' && p.file === record.path);
  const go = (target: number | null) => {
    if (target !== null) session.view(target);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // The dialog is modal: no key reaches the grid or the page behind it.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      session.view(null);
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      if (usesArrows(event.target)) return;
      event.preventDefault();
      go(event.key === 'ArrowLeft' ? step.previous : step.next);
    } else trapTab(event);
  };

  return createPortal(
    <div
      ref={dialog}
      className="viewer"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <ViewerHeader
        titleId={titleId}
        fileName={fileName}
        step={step}
        total={order.length}
        onGo={session.view}
        onClose={() => session.view(null)}
      />
      <ErrorBoundary key={id} what="The image">
        <ImageStage
          entry={entry}
          path={record.path}
          metadataOnly={data.metadataOnly}
          knownSize={size ?? { width: 0, height: 0 }}
          filter={filterCss(windowLevelSteps(windowLevel, invert))}
          problem={problem?.message ?? null}
          onSize={(loadedSize) => setLoaded({ id, size: loadedSize })}
        />
      </ErrorBoundary>
      <aside className="viewer__side" aria-label="Details">
        <Adjustments
          windowLevel={windowLevel}
          invert={invert}
          onWindowLevel={setWindowLevel}
          onInvert={setInvert}
        />
        <Metadata
          record={record}
          size={size}
          bytes={index.bytes[id] || (entry?.size ?? 0)}
          present={entry !== null}
        />
        <TagEditor id={id} />
      </aside>
      <FrameStrip
        frames={framesOf(index, id)}
        current={id}
        records={index.records}
        present={index.present}
        onPick={session.view}
      />
    </div>,
    document.body,
  );
}

/** Inputs whose own behaviour the arrow keys drive (sliders, text): there they do not step. */
function usesArrows(target: EventTarget): boolean {
  if (target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && target.type !== 'checkbox';
}
