import { canPickFolder } from '../../io/picker.ts';
import { useApp } from '../../state/derived.ts';
import { useSession } from '../../state/react.ts';
import { FolderInput } from '../../ui/FolderInput.tsx';

/** Every way in: the picker, the folder input, reopening the last folder, and the demo. */
export function OpenControls() {
  const session = useSession();
  const lastFolder = useApp((state) => state.lastFolder);
  const picker = canPickFolder();
  return (
    <section className="open" aria-label="Open a dataset">
      <div className="open__buttons">
        {picker && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void session.openPicker()}
          >
            Open folder
          </button>
        )}
        <FolderInput primary={!picker} />
        {picker && lastFolder !== null && (
          <button type="button" className="button" onClick={() => void session.reopen()}>
            Reopen {lastFolder}
          </button>
        )}
        <button type="button" className="button" onClick={() => void session.openDemo()}>
          Try the demo
        </button>
      </div>
      <p className="open__hint">
        Pick the folder you downloaded (FETAL_PLANES_DB, the African planes set, or a folder holding
        both), or drop it anywhere on this page. If the browser asks whether to “upload” the files:
        nothing is uploaded, the files stay here.
      </p>
      <p className="open__hint open__hint--small">
        The demo holds a few dozen synthetic images with real file names and CSV rows of both
        datasets.
      </p>
    </section>
  );
}
