import { formatBytes } from '../../core/format.ts';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import type { SavingState } from './useSaving.ts';

/** What an export is doing or did: a progress bar with Cancel while it runs, then its outcome. */
export function SavingLine({
  state,
  onCancel,
}: {
  readonly state: SavingState;
  readonly onCancel: () => void;
}) {
  if (state.kind === 'idle') return <p className="export-status" role="status" />;
  if (state.kind === 'done') {
    return (
      <p
        className={state.failed ? 'export-status export-status--failed' : 'export-status'}
        role="status"
      >
        {state.message}
      </p>
    );
  }
  const { progress } = state;
  return (
    <div className="export-running">
      <ProgressBar
        label={`${state.what}: files written`}
        value={progress?.files ?? 0}
        max={progress?.total ?? null}
      />
      {progress !== null && (
        <span className="export-running__bytes">{formatBytes(progress.bytes)}</span>
      )}
      <button type="button" className="button button--small" onClick={onCancel}>
        Cancel
      </button>
      <p className="export-status" role="status">
        {state.what}: working…
      </p>
    </div>
  );
}
