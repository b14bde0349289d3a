import { useState } from 'react';
import { applyTheme, loadTheme, type Theme } from '../io/preferences.ts';

/** Switches between the dark theme (the default) and the light one. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(loadTheme);
  const toggle = () => {
    const next = theme === 'dark' ? 'light' : 'dark';
    applyTheme(next);
    setTheme(next);
  };
  return (
    <button type="button" className="button" aria-pressed={theme === 'light'} onClick={toggle}>
      Light theme
    </button>
  );
}
