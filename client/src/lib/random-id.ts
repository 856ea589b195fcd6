/**
 * A random URL-safe id. crypto.randomUUID exists only in secure contexts, and phones reach
 * the server over plain http at a LAN address (often inside WeChat), so this uses
 * crypto.getRandomValues, which every browser offers on http too.
 */
export function randomId(bytes = 16): string {
  const buf = new Uint8Array(bytes);
  crypto.getRandomValues(buf);
  let out = "";
  for (const b of buf) out += b.toString(16).padStart(2, "0");
  return out;
}
