import { fileURLToPath } from "node:url";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

// One entry per page so the phone loads only what it needs over a slow hall Wi-Fi.
export default defineConfig({
  root,
  plugins: [svelte()],
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
        review: `${root}review.html`,
      },
    },
  },
});
