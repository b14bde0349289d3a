import { useEffect, type KeyboardEvent, type RefObject } from 'react';

const TABBABLE = [
  'button:not(:disabled)',
  'input:not(:disabled)',
  'select:not(:disabled)',
  'textarea:not(:disabled)',
  'a[href]',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

/**
 * Keeps the focus inside a modal dialog: moves it in when the dialog opens, back in whenever it
 * lands outside, and in again when `content` changes (the focused control may have been replaced
 * with the dialog's content). When the dialog closes, gives it back to the element that had it
 * (the grid cell or table row the viewer was opened from). Returns the keydown handler that keeps
 * Tab and Shift+Tab inside.
 */
export function useDialogFocus(
  dialog: RefObject<HTMLElement | null>,
  content: unknown,
): (event: KeyboardEvent) => void {
  useEffect(() => {
    const previous = document.activeElement;
    dialog.current?.focus();
    const keepInside = (event: FocusEvent) => {
      const root = dialog.current;
      if (root !== null && event.target instanceof Node && !root.contains(event.target)) {
        root.focus();
      }
    };
    document.addEventListener('focusin', keepInside);
    return () => {
      document.removeEventListener('focusin', keepInside);
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, [dialog]);

  useEffect(() => {
    const root = dialog.current;
    if (root !== null && !root.contains(document.activeElement)) root.focus();
  }, [dialog, content]);

  return (event) => {
    const root = dialog.current;
    if (event.key !== 'Tab' || root === null) return;
    const tabbable = [...root.querySelectorAll<HTMLElement>(TABBABLE)];
    const first = tabbable[0];
    const last = tabbable.at(-1);
    if (first === undefined || last === undefined) return event.preventDefault();
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === root)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };
}
