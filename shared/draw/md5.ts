/**
 * MD5 (RFC 1321) over bytes, in pure TypeScript: RFC 3797 draws hash with MD5, and shared/
 * may not import node:crypto (the browser runs it too; crypto.subtle has no MD5 at all).
 * MD5 is broken for collisions, which does not matter here: the key is fixed by dice thrown
 * after the pool is published, so nobody gets to search for inputs.
 */

/** Per-step left-rotation amounts, four per round (RFC 1321 section 3.4). */
const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

/**
 * T[i] = floor(2^32 × |sin(i + 1)|) (RFC 1321 section 3.4), written out rather than computed:
 * Math.sin is not required to be correctly rounded, so engines could disagree in a last bit.
 */
const T = new Uint32Array([
  0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
  0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
  0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
  0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
  0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
  0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
  0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
  0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
]);

/** The message padded to whole 64-byte blocks: 0x80, zeros, then the bit length, little-endian. */
function padded(message: Uint8Array): Uint8Array {
  const blocks = Math.ceil((message.length + 9) / 64);
  const out = new Uint8Array(blocks * 64);
  out.set(message);
  out[message.length] = 0x80;
  const view = new DataView(out.buffer);
  const bits = message.length * 8;
  view.setUint32(out.length - 8, bits >>> 0, true);
  view.setUint32(out.length - 4, Math.floor(bits / 0x100000000), true);
  return out;
}

function at(words: Uint32Array | number[], i: number): number {
  return words[i] ?? 0;
}

function compress(state: Uint32Array, view: DataView, offset: number, x: Uint32Array): void {
  for (let i = 0; i < 16; i++) x[i] = view.getUint32(offset + i * 4, true);
  let a = at(state, 0);
  let b = at(state, 1);
  let c = at(state, 2);
  let d = at(state, 3);
  for (let i = 0; i < 64; i++) {
    const round = i >> 4;
    let f: number;
    let g: number;
    if (round === 0) {
      f = (b & c) | (~b & d);
      g = i;
    } else if (round === 1) {
      f = (d & b) | (~d & c);
      g = (5 * i + 1) & 15;
    } else if (round === 2) {
      f = b ^ c ^ d;
      g = (3 * i + 5) & 15;
    } else {
      f = c ^ (b | ~d);
      g = (7 * i) & 15;
    }
    const sum = (a + f + at(T, i) + at(x, g)) | 0;
    const s = at(SHIFTS, (round << 2) | (i & 3));
    a = d;
    d = c;
    c = b;
    b = (b + ((sum << s) | (sum >>> (32 - s)))) | 0;
  }
  state[0] = at(state, 0) + a;
  state[1] = at(state, 1) + b;
  state[2] = at(state, 2) + c;
  state[3] = at(state, 3) + d;
}

/** The 16-byte MD5 digest of `message`. */
export function md5(message: Uint8Array): Uint8Array {
  const data = padded(message);
  const view = new DataView(data.buffer);
  const state = new Uint32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]);
  const x = new Uint32Array(16);
  for (let offset = 0; offset < data.length; offset += 64) compress(state, view, offset, x);
  const digest = new Uint8Array(16);
  const out = new DataView(digest.buffer);
  state.forEach((word, i) => {
    out.setUint32(i * 4, word, true);
  });
  return digest;
}

/** Lowercase hex of bytes, two digits each. */
export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Lowercase hex MD5 of `message`. */
export function md5Hex(message: Uint8Array): string {
  return hex(md5(message));
}
