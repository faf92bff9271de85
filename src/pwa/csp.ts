// The Content-Security-Policy of the built app: everything from its own origin, no inline script, no
// eval, nothing from other origins. style-src needs no 'unsafe-inline': React writes style props
// through the CSSOM, which CSP does not govern, and the build has no inline <style>. img-src allows
// data: and blob: for the chart exports (a PNG is drawn from an SVG blob).
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];

/** For the <meta> tag (frame-ancestors is ignored there). */
export const CSP_META = DIRECTIVES.join('; ');

/** For an HTTP header (vite preview), which can also forbid framing. */
export const CSP_HEADER = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');
