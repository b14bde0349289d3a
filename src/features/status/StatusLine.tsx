import { formatCount } from '../../core/format.ts';
import { useEvaluation } from '../../state/derived.ts';

/** The page's only live status: how many of the open images the filters keep. */
export function StatusLine() {
  const evaluation = useEvaluation();
  const shown = evaluation?.selection.length ?? 0;
  const total = evaluation?.total ?? 0;
  return (
    <p className="status-line" role="status">
      Showing {formatCount(shown)} of {formatCount(total)} images
    </p>
  );
}
