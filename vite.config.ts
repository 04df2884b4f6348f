import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Where `npx tsx server/index.ts` listens during development. */
const DEV_SERVER = 'http://127.0.0.1:8787';

export default defineConfig({
  root: fromHere('./client'),
  plugins: [solid()],
  build: {
    outDir: fromHere('./dist/client'),
    emptyOutDir: true,
    // The editor chunk (ProseMirror, Tiptap, Yjs) is about 520 kB and loads only with a document.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/api': DEV_SERVER,
      '/healthz': DEV_SERVER,
      '/collab': { target: DEV_SERVER, ws: true },
    },
  },
});
