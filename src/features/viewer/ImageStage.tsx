import { useRef, useState } from 'react';
import type { Extent } from '../../core/viewport.ts';
import type { FileEntry } from '../../io/folder.ts';
import { useFullImage, type FullImage } from './useFullImage.ts';
import { useViewport } from './useViewport.ts';

interface Props {
  readonly entry: FileEntry | null;
  readonly path: string;
  readonly metadataOnly: boolean;
  /** The size the index knows (0 × 0 until the header is read). */
  readonly knownSize: Extent;
  /** The CSS filter of the window, level and inversion. */
  readonly filter: string;
  /** Why the background pass found the image unreadable, if it did. */
  readonly problem: string | null;
  readonly onSize: (size: Extent) => void;
}

/** The full image, zoomed and panned, or a plain sentence saying why it cannot be shown. */
export function ImageStage({
  entry,
  path,
  metadataOnly,
  knownSize,
  filter,
  problem,
  onSize,
}: Props) {
  const image = useFullImage(entry);
  const [natural, setNatural] = useState<Extent | null>(null);
  const [broken, setBroken] = useState(false);
  const view = useRef<HTMLDivElement>(null);
  const shown = image.kind === 'ready' && !broken;
  const size = natural ?? knownSize;
  const controls = useViewport(view, shown ? size.width : 0, shown ? size.height : 0);
  const { scale, x, y } = controls.viewport;
  const ready = shown && natural !== null;
  const message = shown ? null : describe(image, path, metadataOnly, broken ? problem : null);

  return (
    <section className="viewer-stage" aria-label="Image">
      <div className="viewer-stage__tools" role="group" aria-label="Zoom">
        <button
          type="button"
          className="button button--small"
          aria-pressed={ready && controls.fitted}
          disabled={!ready}
          onClick={controls.fit}
        >
          Fit
        </button>
        <button
          type="button"
          className="button button--small"
          aria-pressed={ready && !controls.fitted && scale === 1}
          disabled={!ready}
          onClick={controls.actualSize}
        >
          1:1
        </button>
        <button
          type="button"
          className="button button--small"
          aria-label="Zoom out"
          disabled={!ready}
          onClick={() => controls.zoomStep(-1)}
        >
          −
        </button>
        <button
          type="button"
          className="button button--small"
          aria-label="Zoom in"
          disabled={!ready}
          onClick={() => controls.zoomStep(1)}
        >
          +
        </button>
        <span className="viewer-stage__zoom">{ready ? `${Math.round(scale * 100)}%` : ''}</span>
      </div>
      <div
        ref={view}
        className={
          controls.dragging
            ? 'viewer-stage__view viewer-stage__view--dragging'
            : 'viewer-stage__view'
        }
        {...controls.handlers}
      >
        {image.kind === 'ready' && !broken && (
          <img
            src={image.url}
            alt={path.slice(path.lastIndexOf('/') + 1)}
            draggable={false}
            className={
              scale >= 2 ? 'viewer-stage__img viewer-stage__img--pixels' : 'viewer-stage__img'
            }
            hidden={size.width === 0}
            style={{
              width: size.width,
              height: size.height,
              transform: `translate(${x}px, ${y}px) scale(${scale})`,
              filter,
            }}
            onLoad={(event) => {
              const loaded = {
                width: event.currentTarget.naturalWidth,
                height: event.currentTarget.naturalHeight,
              };
              setNatural(loaded);
              onSize(loaded);
            }}
            onError={() => setBroken(true)}
          />
        )}
        {message !== null && <p className="viewer-stage__message">{message}</p>}
      </div>
    </section>
  );
}

function describe(
  image: FullImage,
  path: string,
  metadataOnly: boolean,
  problem: string | null,
): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  switch (image.kind) {
    case 'missing':
      return metadataOnly
        ? 'This folder holds the CSV only: there is no image to show.'
        : `The image is missing: ${name} is not in the folder (its CSV row expects ${path}).`;
    case 'loading':
      return 'Reading the image…';
    case 'failed':
      return `${name} could not be read: ${image.reason}.`;
    case 'ready':
      return problem ?? `${name} cannot be shown: it is not an image the browser can decode.`;
  }
}
