import { fileURLToPath } from "node:url";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { defineConfig, type Plugin } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

const ZOD_JITLESS = "\0zod-jitless";

/**
 * The pages run under a CSP without 'unsafe-eval' (server/platform/security-headers.ts).
 * zod probes `new Function` when it builds an object schema, and the browser reports the
 * caught probe as a violation; jitless skips it. Every `import "zod"` of the client gets
 * zod through this module, so the setting comes before any schema is built (shared/ code
 * such as shared/setup/person.ts builds its schemas when it loads). The server keeps JIT.
 */
function zodJitless(): Plugin {
  return {
    name: "zod-jitless",
    enforce: "pre",
    resolveId: (id, importer) => (id === "zod" && importer !== ZOD_JITLESS ? ZOD_JITLESS : null),
    load: (id) =>
      id === ZOD_JITLESS
        ? `import { config } from "zod/v4";\nconfig({ jitless: true });\nexport * from "zod/v4";\nexport { default } from "zod/v4";\n`
        : null,
  };
}

// One entry per page so the phone loads only what it needs over a slow hall Wi-Fi.
export default defineConfig({
  root,
  plugins: [zodJitless(), svelte()],
  build: {
    outDir: fileURLToPath(new URL("../dist/client", import.meta.url)),
    emptyOutDir: true,
    // WeChat's built-in browser on older phones: keep the syntax conservative.
    target: "es2019",
    rollupOptions: {
      input: {
        index: `${root}index.html`,
        phone: `${root}phone.html`,
        screen: `${root}screen.html`,
        chair: `${root}chair.html`,
        results: `${root}results.html`,
        announcement: `${root}announcement.html`,
        review: `${root}review.html`,
      },
    },
  },
});
