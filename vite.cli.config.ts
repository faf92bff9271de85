// The command line as one bundled ES module (`npm run build:cli` -> dist-cli/precopy-sim.mjs), built by
// Vite's SSR build (Rolldown) so that a run starts without compiling TypeScript. Every dependency is
// bundled (d3 is tree-shaken to the two formatters the CLI uses); only Node's built-ins stay imports.
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  // Executable, for `npx precopy-sim` and a global install.
  plugins: [{ name: 'executable', writeBundle: (options, bundle) => Object.keys(bundle).forEach((file) => chmodSync(join(options.dir!, file), 0o755)) }],
  logLevel: 'warn',
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      output: { entryFileNames: 'precopy-sim.mjs', banner: '#!/usr/bin/env node', codeSplitting: false },
    },
  },
});
