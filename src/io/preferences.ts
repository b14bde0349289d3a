/** The colour themes of the page; dark is how ultrasound is read. */
export type Theme = 'dark' | 'light';

const THEME_KEY = 'planescope-theme';

/** The theme the user chose last, or dark. Storage that is unavailable reads as no choice. */
export function loadTheme(): Theme {
  try {
    return localStorage.getItem(THEME_KEY) === 'light' ? 'light' : 'dark';
  } catch {
    return 'dark';
  }
}

/** Applies a theme to the page and remembers it for the next visit. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Private modes may refuse storage: the theme still applies for this visit.
  }
}
