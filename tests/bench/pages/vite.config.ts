// Builds the benchmark's own pages (floor, naive, core), served by the runner under /bench/.
// Build: npx vite build --config tests/bench/pages/vite.config.ts
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/bench/',
  // Not the app's public/ (demo images): the pages need none of it.
  publicDir: false,
  worker: { format: 'es' },
  build: {
    outDir: process.env.PLANESCOPE_BENCH_PAGES_OUT ?? join(tmpdir(), 'planescope-bench-pages'),
    emptyOutDir: true,
    // core's chunk holds the real CSV (900 kB) on purpose.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      input: {
        floor: join(root, 'floor.html'),
        naive: join(root, 'naive.html'),
        core: join(root, 'core.html'),
      },
    },
  },
  preview: { host: '127.0.0.1' },
});
