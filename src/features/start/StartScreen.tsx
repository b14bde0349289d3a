import { useApp } from '../../state/derived.ts';
import { About } from '../../ui/About.tsx';
import { OpenControls } from './OpenControls.tsx';
import './start.css';

export function StartScreen() {
  const notice = useApp((state) => state.notice);
  return (
    <main className="start">
      <header className="start__header">
        <h1>Planescope</h1>
        <p className="start__tagline">
          Explore fetal-ultrasound plane datasets in your browser, on your own machine.
        </p>
      </header>
      <OpenControls />
      {notice !== null && (
        <p className="start__notice" role="alert">
          {notice}
        </p>
      )}
      <p className="start__privacy">
        Your images stay on this computer: Planescope reads the folder you choose, uploads nothing
        and never writes into it.
      </p>
      <About />
    </main>
  );
}
