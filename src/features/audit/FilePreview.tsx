import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { formatBytes } from '../../core/format.ts';
import { useSession } from '../../state/react.ts';
import { fileName } from './names.ts';

interface Props {
  /** The file's path relative to the opened folder. */
  readonly path: string;
  readonly onClose: () => void;
}

interface Read {
  readonly file: File | null;
  /** An object URL of the file when it is a picture, revoked when the preview closes. */
  readonly url: string | null;
}

const PICTURE = /\.(png|jpe?g|gif|bmp|webp|avif)$/i;

/** A modal preview of a file that is no record: its picture when it is one, else its size. */
export function FilePreview({ path, onClose }: Props) {
  const session = useSession();
  const titleId = useId();
  const close = useRef<HTMLButtonElement>(null);
  const [read, setRead] = useState<Read | null>(null);

  useEffect(() => {
    let live = true;
    let url: string | null = null;
    const shown = (file: File | null) => {
      if (!live) return;
      url = file !== null && PICTURE.test(path) ? URL.createObjectURL(file) : null;
      setRead({ file, url });
    };
    void session.fileOf(path).then(shown, () => shown(null));
    return () => {
      live = false;
      if (url !== null) URL.revokeObjectURL(url);
    };
  }, [session, path]);

  useEffect(() => {
    const opener = document.activeElement;
    close.current?.focus();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    // Close is the dialog's only control: Tab stays on it.
    if (event.key === 'Tab') event.preventDefault();
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onClose();
  };

  return createPortal(
    <div
      className="audit-preview"
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        className="audit-preview__dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <header className="audit-preview__head">
          <h4 className="audit-preview__title" id={titleId}>
            {fileName(path)}
          </h4>
          <button ref={close} type="button" className="button button--small" onClick={onClose}>
            Close
          </button>
        </header>
        <p className="audit-preview__path">{path}</p>
        {read === null ? (
          <p className="audit-preview__note">Reading the file…</p>
        ) : read.file === null ? (
          <p className="audit-preview__note">The file can no longer be read.</p>
        ) : (
          <>
            {read.url !== null && <img className="audit-preview__image" src={read.url} alt="" />}
            <p className="audit-preview__note">
              {formatBytes(read.file.size)}
              {read.url === null && ': not a picture, so there is nothing to show.'}
            </p>
          </>
        )}
      </div>
    </div>,
    document.body,
  );
}
