import { defineConfig } from 'vite';

// The build goes straight into the server crate, which serves (and embeds) it.
// It must be reproducible: CI rebuilds it and diffs against the committed copy,
// so no sourcemaps, no timestamps, content-hashed file names only.
export default defineConfig({
  base: '/',
  build: {
    outDir: '../crates/serve/assets',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    reportCompressedSize: false,
    chunkSizeWarningLimit: 700,
  },
  server: {
    // `npm run dev` against a running `tessera serve --bind 127.0.0.1:8080`.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
