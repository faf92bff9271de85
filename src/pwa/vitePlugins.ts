// Build-time plugins for offline use and the CSP: the service worker with the list of files to
// precache (the build's own output plus public/), and the CSP <meta> in the built index.html.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';
import { CSP } from './csp.ts';

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'));
  } catch {
    return [];
  }
}

/** Emits sw.js with every emitted file (no source maps) and every public file (no READMEs) to precache. */
export function serviceWorker(): Plugin {
  let publicDir = '';
  return {
    name: 'precopy:service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    generateBundle(_options, bundle) {
      const hash = createHash('sha256');
      const emitted = Object.values(bundle)
        .filter((item) => !item.fileName.endsWith('.map'))
        .map((item) => {
          hash.update(item.fileName).update(item.type === 'chunk' ? item.code : item.source);
          return item.fileName;
        });
      const shipped = filesUnder(publicDir).filter((f) => !/(^|\/)README\.md$/.test(f));
      for (const f of shipped) hash.update(f).update(readFileSync(join(publicDir, f)));
      const files = [...new Set([...emitted, ...shipped])].sort();
      const template = readFileSync(new URL('./sw.js', import.meta.url), 'utf8');
      const source = template
        .replace('self.__PRECACHE__', JSON.stringify(files))
        .replace('self.__VERSION__', JSON.stringify(hash.digest('hex').slice(0, 12)));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

/** The CSP as a <meta> in the built page only: the dev server's React refresh needs an inline script. */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'precopy:csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  };
}
