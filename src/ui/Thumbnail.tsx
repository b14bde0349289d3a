import { UNREADABLE } from '../state/thumbnails.ts';
import { BlobCanvas } from './BlobCanvas.tsx';
import { useThumbnail } from './useThumbnail.ts';
import './thumbnail.css';

interface Props {
  readonly id: number;
  /** False when the record's image is not in the folder: there is nothing to wait for. */
  readonly present: boolean;
}

/** A record's small picture: its thumbnail, a shimmer while it is made, or why there is none. */
export function Thumbnail({ id, present }: Props) {
  const { image, drawn } = useThumbnail(id);
  return (
    <span className="thumbnail">
      {!present ? (
        <span className="thumbnail__note">missing</span>
      ) : image === UNREADABLE ? (
        <span className="thumbnail__note">unreadable</span>
      ) : image === undefined ? (
        <span className="sheen" />
      ) : (
        <BlobCanvas blob={image} onDrawn={drawn} />
      )}
    </span>
  );
}
