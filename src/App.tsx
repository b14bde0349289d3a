import { useApp } from './state/derived.ts';
import { Explorer } from './Explorer.tsx';
import { useFolderDrop } from './features/start/useFolderDrop.ts';
import { LoadingScreen } from './features/progress/LoadingScreen.tsx';
import { StartScreen } from './features/start/StartScreen.tsx';

export function App() {
  const phase = useApp((state) => state.phase);
  const dragging = useFolderDrop();
  return (
    <>
      {phase === 'start' && <StartScreen />}
      {phase === 'loading' && <LoadingScreen />}
      {phase === 'ready' && <Explorer />}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop the folder to open it
        </div>
      )}
    </>
  );
}
