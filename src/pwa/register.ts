// Registers the service worker (src/pwa/sw.js) in production builds served over http(s) only: the dev
// server has no sw.js, and file:// pages cannot have one.
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || location.protocol === 'file:' || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch((error: unknown) => {
      // Offline use is a bonus: the app works without it.
      console.warn(`Offline mode unavailable: ${(error as Error).message}`);
    });
  });
}

registerServiceWorker();
