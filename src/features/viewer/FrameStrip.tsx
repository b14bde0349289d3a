import { memo, useEffect, useId, useRef } from 'react';
import { formatCount } from '../../core/format.ts';
import type { ImageRecord } from '../../core/types.ts';
import { useSession } from '../../state/react.ts';
import { UNREADABLE } from '../../state/thumbnails.ts';
import { BlobCanvas } from '../../ui/BlobCanvas.tsx';
import { useThumbnail } from '../../ui/useThumbnail.ts';

interface Props {
  /** The ids of the frames of the current image's patient and plane, by frame number. */
  readonly frames: readonly number[];
  readonly current: number;
  readonly records: readonly ImageRecord[];
  readonly present: Uint8Array;
  readonly onPick: (id: number) => void;
}

/** The other frames of the same patient and plane, as thumbnails; one click shows a frame. */
export function FrameStrip({ frames, current, records, present, onPick }: Props) {
  const session = useSession();
  const list = useRef<HTMLOListElement>(null);
  const titleId = useId();
  const frame = records[current]?.frame ?? null;

  // The strip's thumbnails are what is on screen now: have them made first.
  useEffect(() => session.show(frames), [session, frames]);
  useEffect(() => {
    const button = list.current?.querySelector('[aria-current="true"]');
    // jsdom has no scrollIntoView.
    button?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [current]);

  if (frame === null || frames.length === 0) return null;
  return (
    <section className="viewer-frames" aria-labelledby={titleId}>
      <h3 id={titleId} className="viewer-frames__title">
        Frame {frame.k} of {frame.n}
        {frames.length !== frame.n && (
          <span className="viewer-frames__note">
            {' '}
            ({formatCount(frames.length)} of {formatCount(frame.n)} listed in the CSV)
          </span>
        )}
      </h3>
      <ol ref={list} className="viewer-frames__list" aria-label="Frames">
        {frames.map((id) => (
          <li key={id}>
            <FrameButton
              id={id}
              record={records[id]}
              present={present[id] === 1}
              current={id === current}
              onPick={onPick}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}

interface FrameProps {
  readonly id: number;
  readonly record: ImageRecord | undefined;
  readonly present: boolean;
  readonly current: boolean;
  readonly onPick: (id: number) => void;
}

const FrameButton = memo(function FrameButton({
  id,
  record,
  present,
  current,
  onPick,
}: FrameProps) {
  const { image, drawn } = useThumbnail(id);
  const k = record?.frame?.k ?? 0;
  const n = record?.frame?.n ?? 0;

  return (
    <button
      type="button"
      className="viewer-frames__frame"
      aria-label={`Frame ${k} of ${n}`}
      aria-current={current ? 'true' : undefined}
      title={record?.path}
      onClick={() => onPick(id)}
    >
      <span className="viewer-frames__picture">
        {!present ? (
          <span className="viewer-frames__note">missing</span>
        ) : image === UNREADABLE ? (
          <span className="viewer-frames__note">unreadable</span>
        ) : image === undefined ? (
          <span className="viewer-frames__pending" />
        ) : (
          <BlobCanvas blob={image} onDrawn={drawn} />
        )}
      </span>
      <span className="viewer-frames__k">{k}</span>
    </button>
  );
});
