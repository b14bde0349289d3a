import { useEffect, useState } from 'react';
import type { FileEntry } from '../../io/folder.ts';

/** The full-size image of a record: an object URL once read, or why there is none. */
export type FullImage =
  | { readonly kind: 'missing' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly url: string }
  | { readonly kind: 'failed'; readonly reason: string };

const MISSING: FullImage = { kind: 'missing' };
const LOADING: FullImage = { kind: 'loading' };

/**
 * Reads an entry's file into an object URL, revoked when the entry changes or the caller
 * unmounts. A null entry (the image is not in the folder) is `missing`.
 */
export function useFullImage(entry: FileEntry | null): FullImage {
  const [image, setImage] = useState<{ entry: FileEntry; image: FullImage } | null>(null);

  useEffect(() => {
    if (entry === null) return;
    let live = true;
    let url: string | null = null;
    entry.getFile().then(
      (file) => {
        if (!live) return;
        url = URL.createObjectURL(file);
        setImage({ entry, image: { kind: 'ready', url } });
      },
      (error: unknown) => {
        if (live)
          setImage({ entry, image: { kind: 'failed', reason: describeReadFailure(error) } });
      },
    );
    return () => {
      live = false;
      if (url !== null) URL.revokeObjectURL(url);
    };
  }, [entry]);

  if (entry === null) return MISSING;
  return image !== null && image.entry === entry ? image.image : LOADING;
}

function describeReadFailure(error: unknown): string {
  if (error instanceof DOMException && error.name === 'NotFoundError') {
    return 'the file is no longer in the folder';
  }
  if (error instanceof DOMException && error.name === 'NotReadableError') {
    return 'the file could not be read; it may have changed since the folder was opened';
  }
  return error instanceof Error ? error.message : String(error);
}
