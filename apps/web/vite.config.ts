import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const api = process.env['ROUNDTABLE_API_URL'] ?? 'http://localhost:4000';

// Built into dist/apps/web, which the API serves at `/` (same origin as /graphql). In development
// (`npm run start:web`) Vite proxies /graphql, HTTP and WebSocket, to the API.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    alias: { '@roundtable/domain': `${repoRoot}libs/domain/src/index.ts` },
  },
  build: {
    outDir: `${repoRoot}dist/apps/web`,
    emptyOutDir: true,
    sourcemap: true,
    reportCompressedSize: false,
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: true },
    },
  },
  logLevel: 'warn',
});
