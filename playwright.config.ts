import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser: this machine has no route to a browser CDN.
const chromium = process.env.PLANESCOPE_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  // Writes the fixture folders (12,850 images) outside the repo once, before any spec's time-out runs.
  globalSetup: './tests/e2e/global-setup.ts',
  workers: 1,
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/artifacts',
  use: {
    baseURL: 'http://127.0.0.1:4173',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: chromium,
      args: ['--disable-gpu', '--disable-quic', '--disable-background-networking'],
    },
  },
  webServer: {
    // Vite refuses a second preview of one project (another session's, on another port) unless told.
    command: 'npx vite preview --port 4173 --strictPort --bypass-lock',
    url: 'http://127.0.0.1:4173',
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
