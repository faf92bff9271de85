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

/**
 * The same policy for the <meta> tag and the HTTP header (vite preview). No frame-ancestors: embed=1
 * exists to be framed by slides and course pages on other origins.
 */
export const CSP = DIRECTIVES.join('; ');
