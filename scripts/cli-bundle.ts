// The bundled command line (dist-cli/precopy-sim.mjs, built by `npm run build:cli`): its path, and
// ensureCliBundle(), which rebuilds it when any source file it is made from is newer, so that tests
// run against the code in the checkout (Vitest's globalSetup and the e2e spec call it).
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = join(root, 'dist-cli', 'precopy-sim.mjs');
const SOURCES = ['src/model', 'src/cli', 'vite.cli.config.ts', 'package.json'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

export function ensureCliBundle(): string {
  let built = 0;
  try {
    built = statSync(CLI_BUNDLE).mtimeMs;
  } catch {
    // not built yet
  }
  if (built > Math.max(...SOURCES.map((p) => newestMtime(join(root, p))))) return CLI_BUNDLE;
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.cli.config.ts'], { cwd: root, stdio: 'inherit' });
  return CLI_BUNDLE;
}
