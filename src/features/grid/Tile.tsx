import { memo } from 'react';
import type { ImageRecord } from '../../core/types.ts';
import { UNREADABLE } from '../../state/thumbnails.ts';
import { BlobCanvas } from '../../ui/BlobCanvas.tsx';
import { useThumbnail } from '../../ui/useThumbnail.ts';

interface Props {
  readonly id: number;
  readonly position: number;
  readonly record: ImageRecord;
  readonly present: boolean;
  readonly metadataOnly: boolean;
  readonly focused: boolean;
  /** With one tile per patient and plane: how many images the tile stands for. */
  readonly frames: number | null;
  /** The user's tags on the image. */
  readonly tags: readonly string[];
}

/** One image of the grid: its thumbnail (or why there is none), plane and split. */
export const Tile = memo(function Tile({
  id,
  position,
  record,
  present,
  metadataOnly,
  focused,
  frames,
  tags,
}: Props) {
  const { image, drawn } = useThumbnail(id);
  const fileName = record.path.slice(record.path.lastIndexOf('/') + 1);
  const split = record.split === 'Train' || record.split === 'Test' ? record.split : 'other';

  return (
    <div
      role="gridcell"
      className={focused ? 'tile tile--focused' : 'tile'}
      aria-label={fileName}
      tabIndex={focused ? 0 : -1}
      data-position={position}
      title={[
        fileName,
        describe(record),
        ...(tags.length > 0 ? [`Tags: ${tags.join(', ')}`] : []),
      ].join('\n')}
    >
      <div className="tile__picture">
        {!present ? (
          <span className={metadataOnly ? 'tile__note' : 'tile__note tile__note--bad'}>
            {metadataOnly ? 'no image' : 'missing'}
          </span>
        ) : image === UNREADABLE ? (
          <span className="tile__note tile__note--bad">unreadable</span>
        ) : image === undefined ? (
          <span className="sheen" />
        ) : (
          <BlobCanvas blob={image} onDrawn={drawn} />
        )}
        {frames !== null && frames > 1 && <span className="tile__frames">{frames} frames</span>}
        {tags.length > 0 && <span className="tile__tags">{tags.join(' · ')}</span>}
      </div>
      <div className="tile__caption">
        <span className="tile__plane">{record.plane}</span>
        <span className={`tile__split tile__split--${split.toLowerCase()}`}>{record.split}</span>
      </div>
    </div>
  );
});

/** Plane, brain plane where it says something, and split, for the tile's tooltip. */
function describe(record: ImageRecord): string {
  const brain = record.brainPlane !== null && record.brainPlane !== 'Not A Brain';
  return [record.plane, brain ? record.brainPlane : null, record.split]
    .filter((part) => part !== null)
    .join(' · ');
}
