import { isIP } from "node:net";
import { z } from "zod";

/** Names Express's `trust proxy` understands besides addresses and subnets. */
const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isProxySpec(item: string): boolean {
  const [address, bits, extra] = item.split("/");
  if (extra !== undefined || !address) return false;
  if (bits === undefined) return PROXY_NAMES.has(item) || isIP(address) !== 0;
  return isIP(address) !== 0 && /^\d{1,3}$/.test(bits);
}

/** Environment configuration, parsed once at start-up; a bad value stops the server. */
export const ConfigSchema = z.object({
  /** Port to listen on (0 picks a free one, as tests do). */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** The Redis that holds all live state; `npm start` passes its private one. */
  REDIS_URL: z.string().url(),
  /**
   * The PostgreSQL that holds the records; `npm start` passes its private one. A libpq
   * connection string, not checked as a WHATWG URL: libpq also reads forms such as
   * postgresql://user@/db?host=/run/socket, which `new URL()` refuses.
   */
  DATABASE_URL: z.string().min(1),
  /** Prefix of every Redis key, so several deployments or tests can share one Redis. */
  KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]*$/)
    .default("jp:"),
  /** The address phones use, printed and put in QR codes (the LAN address by default). */
  PUBLIC_URL: z.string().url().optional(),
  /** Sets the organizer passphrase (stored hashed); otherwise one is generated once. */
  ORGANIZER_PASSWORD: z.string().min(6).optional(),
  /**
   * The proxies whose X-Forwarded-For is believed (comma-separated addresses, subnets or
   * loopback / linklocal / uniquelocal). Default none: the login limit counts the socket's
   * own address, so a forged header neither buys guesses nor locks anyone else out.
   */
  TRUST_PROXY: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .refine(
      (list) => list.every(isProxySpec),
      "addresses, subnets or loopback/linklocal/uniquelocal",
    ),
  /** Where the built client lives. */
  CLIENT_DIR: z.string().optional(),
});

export type Config = z.infer<typeof ConfigSchema>;

export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration: ${where.join("; ")}`);
  }
  return parsed.data;
}
