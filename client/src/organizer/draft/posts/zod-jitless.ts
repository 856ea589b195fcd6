import { z } from "zod";

// The pages run under `script-src 'self'` (server/platform/security-headers.ts): no eval. zod
// probes for eval (`new Function`) when a schema is built, and the browser reports the probe
// as a policy violation even though zod catches the refusal. Jitless mode skips the probe;
// it must be set before any schema is built, so this module is imported first.
z.config({ jitless: true });
