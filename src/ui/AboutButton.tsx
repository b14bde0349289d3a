import { useRef } from 'react';
import { About } from './About.tsx';

/** "About" in the top bar: the same panel as on the start screen, in a dialog. */
export function AboutButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" className="button" onClick={() => dialog.current?.showModal()}>
        About
      </button>
      <dialog ref={dialog} className="about-dialog" aria-label="About Planescope">
        <About />
        <form method="dialog">
          <button type="submit" className="button">
            Close
          </button>
        </form>
      </dialog>
    </>
  );
}
