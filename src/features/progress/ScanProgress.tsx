import { useApp } from '../../state/derived.ts';
import { useSession } from '../../state/react.ts';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import './progress.css';

/** The background pass over the images: headers and thumbnails so far, and Cancel. */
export function ScanProgress() {
  const session = useSession();
  const progress = useApp((state) => state.progress);
  if (!progress.scanning && progress.scanned >= progress.images) return null;
  return (
    <div className="scan-progress" aria-label="Loading progress">
      <ProgressBar label="Files listed" value={progress.listed} max={progress.listed} />
      <ProgressBar label="Rows read" value={progress.rowsRead} max={progress.rowsRead} />
      <ProgressBar label="Headers read" value={progress.headersRead} max={progress.images} />
      <ProgressBar label="Thumbnails made" value={progress.thumbnails} max={progress.images} />
      {progress.scanning ? (
        <button type="button" className="button button--small" onClick={() => session.cancel()}>
          Cancel
        </button>
      ) : (
        <button type="button" className="button button--small" onClick={() => session.resumeScan()}>
          Resume
        </button>
      )}
    </div>
  );
}
