import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './src/csp.ts';

// The CSP goes into the built page only: Vite's dev server needs inline scripts for hot reload.
const injectCsp = {
  name: 'planescope-csp',
  apply: 'build' as const,
  transformIndexHtml(html: string): string {
    return html.replace(
      '<meta charset="UTF-8" />',
      `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />`,
    );
  },
};

export default defineConfig({
  plugins: [react(), injectCsp],
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1' },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/components/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    globals: true,
    // Component tests render Recharts and 1,500-image panels in jsdom: slow on a loaded 2-core box.
    testTimeout: 20_000,
    setupFiles: ['tests/setup.ts'],
  },
});
