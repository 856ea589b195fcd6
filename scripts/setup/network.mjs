import { createServer } from "node:net";
import { networkInterfaces } from "node:os";

/** First non-internal IPv4 address: what phones on the same Wi-Fi use to reach this machine. */
export function lanAddress() {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      // Node 18.0–18.3 reported family as the number 4.
      const isIPv4 = address.family === "IPv4" || address.family === 4;
      if (isIPv4 && !address.internal) return address.address;
    }
  }
  return "127.0.0.1";
}

/** A port that was free a moment ago: the OS picks it when listening on port 0. */
export function freePort(host = "127.0.0.1") {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
