import type { NextFunction, Request, Response } from "express";

/**
 * The Content-Security-Policy of every response. Everything comes from this origin: the
 * bundles, their CSS, the socket (connect-src 'self' covers same-host ws:, and socket.io
 * falls back to polling where an old WebView does not), QR codes drawn as inline SVG, and
 * downloads saved through blob: URLs. Svelte sets `style:` directives through the CSSOM,
 * which style-src does not restrict, so no 'unsafe-inline' is needed. No page may be framed:
 * a framed chair console could be clicked through by another site (frame-ancestors).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.set({
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    // A download or an upload is never run as a script or a page because of its bytes.
    "X-Content-Type-Options": "nosniff",
    // For browsers older than frame-ancestors.
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
  });
  next();
}
