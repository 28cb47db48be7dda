import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const API_URL_VARIABLE = 'ROUNDTABLE_API_URL';
const DEFAULT_API_URL = 'http://localhost:4000';
const api = process.env[API_URL_VARIABLE] ?? DEFAULT_API_URL;

/**
 * `npm run start:web` keeps Vite's own chatter down (logLevel 'warn'), so it says itself where the
 * client is and which API it proxies to.
 */
function announceDevServer(): Plugin {
  return {
    name: 'roundtable-announce-dev-server',
    configureServer(server) {
      server.httpServer?.once('listening', () => {
        const address = server.httpServer?.address() as AddressInfo | null;
        const port = address?.port ?? server.config.server.port;
        const source = process.env[API_URL_VARIABLE] ? API_URL_VARIABLE : `default; set ${API_URL_VARIABLE} to change`;
        process.stdout.write(`Roundtable web client (Vite dev server): http://localhost:${port}/\n  /graphql and /dev proxied to ${api} (${source})\n`);
      });
    },
  };
}

// Built into dist/apps/web, which the API serves at `/` (same origin as /graphql). In development
// (`npm run start:web`) Vite proxies /graphql (HTTP and WebSocket) and /dev to the API.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), announceDevServer()],
  resolve: {
    alias: { '@roundtable/domain': `${repoRoot}libs/domain/src/index.ts` },
  },
  build: {
    outDir: `${repoRoot}dist/apps/web`,
    emptyOutDir: true,
    sourcemap: true,
    reportCompressedSize: false,
    // livekit-client (~580 kB) is its own chunk, loaded only inside a room.
    chunkSizeWarningLimit: 700,
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: true },
      '/dev': { target: api, changeOrigin: true },
    },
  },
  logLevel: 'warn',
});
