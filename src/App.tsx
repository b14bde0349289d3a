import { StartScreen } from './features/start/StartScreen.tsx';

export function App() {
  return <StartScreen />;
}
