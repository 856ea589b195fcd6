import { z } from "zod";

/** Environment configuration, parsed once at start-up; a bad value stops the server. */
export const ConfigSchema = z.object({
  /** Port to listen on (0 picks a free one, as tests do). */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** The Redis that holds all live state; `npm start` passes its private one. */
  REDIS_URL: z.string().url(),
  /** Prefix of every Redis key, so several deployments or tests can share one Redis. */
  KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]*$/)
    .default("jp:"),
  /** The address phones use, printed and put in QR codes (the LAN address by default). */
  PUBLIC_URL: z.string().url().optional(),
  /** Sets the organizer passphrase (stored hashed); otherwise one is generated once. */
  ORGANIZER_PASSWORD: z.string().min(6).optional(),
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
