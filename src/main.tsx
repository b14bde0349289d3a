import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { SessionContext } from './state/react.ts';
import { createSession } from './state/session.ts';
import { bindUrl, writeFilterToUrl } from './state/url.ts';
import { applyTheme, loadTheme } from './io/preferences.ts';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

// Before the first render, so that a light-theme user never sees a dark flash.
applyTheme(loadTheme());

const session = createSession(writeFilterToUrl);
bindUrl(session);

createRoot(root).render(
  <StrictMode>
    <SessionContext value={session}>
      <App />
    </SessionContext>
  </StrictMode>,
);
