import { formatCount } from '../../core/format.ts';
import type { Neighbours } from '../../core/neighbours.ts';

interface Props {
  readonly titleId: string;
  readonly fileName: string;
  readonly step: Neighbours;
  /** How many images the filters keep. */
  readonly total: number;
  readonly onGo: (id: number) => void;
  readonly onClose: () => void;
}

/** Previous and next, where the image sits in the filtered set, its file name and Close. */
export function ViewerHeader({ titleId, fileName, step, total, onGo, onClose }: Props) {
  return (
    <header className="viewer__head">
      <div className="viewer__nav">
        <StepButton label="Previous" keys="ArrowLeft" target={step.previous} onGo={onGo} />
        <StepButton label="Next" keys="ArrowRight" target={step.next} onGo={onGo} />
        <span className="viewer__position">
          {step.position >= 0
            ? `${formatCount(step.position + 1)} of ${formatCount(total)}`
            : 'Outside the current filters'}
        </span>
      </div>
      <h2 id={titleId} className="viewer__title">
        {fileName}
      </h2>
      <button
        type="button"
        className="button button--small"
        aria-keyshortcuts="Escape"
        onClick={onClose}
      >
        Close
      </button>
    </header>
  );
}

interface StepProps {
  readonly label: 'Previous' | 'Next';
  readonly keys: string;
  readonly target: number | null;
  readonly onGo: (id: number) => void;
}

// aria-disabled rather than disabled: a disabled button drops the focus out of the dialog.
function StepButton({ label, keys, target, onGo }: StepProps) {
  return (
    <button
      type="button"
      className="button button--small"
      aria-keyshortcuts={keys}
      aria-disabled={target === null}
      onClick={() => {
        if (target !== null) onGo(target);
      }}
    >
      {label === 'Previous' ? (
        <>
          <span aria-hidden="true">←</span> Previous
        </>
      ) : (
        <>
          Next <span aria-hidden="true">→</span>
        </>
      )}
    </button>
  );
}
