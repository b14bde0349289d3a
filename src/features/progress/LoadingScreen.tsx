import { useApp } from '../../state/derived.ts';
import { useSession } from '../../state/react.ts';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import './progress.css';

/** While a folder is listed and its CSVs read: the counts so far, and a way out. */
export function LoadingScreen() {
  const session = useSession();
  const progress = useApp((state) => state.progress);
  return (
    <main className="loading">
      <h1>Opening the folder…</h1>
      <ProgressBar label="Files listed" value={progress.listed} max={null} />
      <ProgressBar label="Rows read" value={progress.rowsRead} max={null} />
      <button type="button" className="button" onClick={() => session.cancel()}>
        Cancel
      </button>
    </main>
  );
}
