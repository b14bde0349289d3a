import { useId } from 'react';
import { FULL_RANGE, LEVEL_RANGE, WINDOW_RANGE, type WindowLevel } from '../../core/windowLevel.ts';

interface Props {
  readonly windowLevel: WindowLevel;
  readonly invert: boolean;
  readonly onWindowLevel: (windowLevel: WindowLevel) => void;
  readonly onInvert: (invert: boolean) => void;
}

/** Brightness and contrast as window and level, and inversion; kept from image to image. */
export function Adjustments({ windowLevel, invert, onWindowLevel, onInvert }: Props) {
  const windowId = useId();
  const levelId = useId();

  return (
    <fieldset className="viewer-adjust">
      <legend>Brightness and contrast</legend>
      <label htmlFor={windowId}>Window</label>
      <input
        id={windowId}
        type="range"
        min={WINDOW_RANGE.min}
        max={WINDOW_RANGE.max}
        step={1}
        value={windowLevel.window}
        onChange={(event) => onWindowLevel({ ...windowLevel, window: event.target.valueAsNumber })}
      />
      <output htmlFor={windowId}>{windowLevel.window}</output>
      <label htmlFor={levelId}>Level</label>
      <input
        id={levelId}
        type="range"
        min={LEVEL_RANGE.min}
        max={LEVEL_RANGE.max}
        step={1}
        value={windowLevel.level}
        onChange={(event) => onWindowLevel({ ...windowLevel, level: event.target.valueAsNumber })}
      />
      <output htmlFor={levelId}>{windowLevel.level}</output>
      <div className="viewer-adjust__actions">
        <label className="viewer-adjust__invert">
          <input
            type="checkbox"
            checked={invert}
            onChange={(event) => onInvert(event.target.checked)}
          />
          Invert
        </label>
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            onWindowLevel(FULL_RANGE);
            onInvert(false);
          }}
        >
          Reset
        </button>
      </div>
    </fieldset>
  );
}
