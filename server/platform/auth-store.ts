import type { Redis } from "ioredis";
import { z } from "zod";
import type { Principal } from "../../shared/roles.ts";
import type { RedisKeys } from "./keys.ts";
import { type AuditWrite, defineAuditedScript } from "./lua.ts";
import { hashPassphrase, newPassphrase, newToken, tokenHash, verifyPassphrase } from "./secrets.ts";

const PrincipalSchema: z.ZodType<Principal> = z.discriminatedUnion("role", [
  z.object({ role: z.literal("organizer") }),
  z.object({ role: z.literal("projector") }),
  z.object({ role: z.literal("chair"), roundId: z.string() }),
  z.object({ role: z.literal("observer"), roundId: z.string() }),
  z.object({
    role: z.literal("voter"),
    roundId: z.string(),
    cardId: z.string(),
    group: z.string(),
  }),
]);

/** An organizer session lasts a long meeting day. */
const ORGANIZER_SESSION_SECONDS = 24 * 3600;

type LinkPrincipal = Extract<Principal, { role: "chair" | "observer" }>;

export function createAuthStore(redis: Redis, keys: RedisKeys) {
  const linkScript = defineAuditedScript(
    redis,
    "link_create",
    new URL("./lua/link-create.lua", import.meta.url),
  );

  return {
    /**
     * A chair or observer link for an existing round, recorded in the audit trail in the
     * same step; null when the round does not exist.
     */
    async issueLink(principal: LinkPrincipal, audit: AuditWrite): Promise<string | null> {
      const token = newToken();
      const code = await linkScript(
        [keys.state(principal.roundId), keys.auth(tokenHash(token))],
        [JSON.stringify(principal)],
        audit,
      );
      return code === "ok" ? token : null;
    },

    /** Issues a token for a principal; organizer sessions expire, links do not. */
    async issue(principal: Principal): Promise<string> {
      const token = newToken();
      const key = keys.auth(tokenHash(token));
      if (principal.role === "organizer") {
        await redis.set(key, JSON.stringify(principal), "EX", ORGANIZER_SESSION_SECONDS);
      } else {
        await redis.set(key, JSON.stringify(principal));
      }
      return token;
    },

    async resolve(token: unknown): Promise<Principal | null> {
      if (typeof token !== "string" || token.length < 8 || token.length > 200) return null;
      const raw = await redis.get(keys.auth(tokenHash(token)));
      if (!raw) return null;
      const parsed = PrincipalSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    },

    async revoke(token: string): Promise<void> {
      await redis.del(keys.auth(tokenHash(token)));
    },

    async checkPassphrase(passphrase: string): Promise<boolean> {
      const stored = await redis.get(keys.organizerSecret);
      return stored !== null && verifyPassphrase(passphrase, stored);
    },

    /**
     * Makes sure an organizer passphrase exists. Returns the new passphrase when one was
     * generated or set now (to print once), or null when the stored one stands.
     */
    async ensurePassphrase(opts: { fixed?: string; renew?: boolean }): Promise<string | null> {
      if (opts.fixed) {
        const stored = await redis.get(keys.organizerSecret);
        if (stored && verifyPassphrase(opts.fixed, stored)) return null;
        await redis.set(keys.organizerSecret, hashPassphrase(opts.fixed));
        return null;
      }
      const passphrase = newPassphrase();
      if (opts.renew) {
        await redis.set(keys.organizerSecret, hashPassphrase(passphrase));
        return passphrase;
      }
      // NX: of two nodes starting together on an empty Redis, exactly one sets and prints
      // its passphrase; the other finds it stands (only its hash is stored, by design).
      const won = await redis.set(keys.organizerSecret, hashPassphrase(passphrase), "NX");
      return won ? passphrase : null;
    },

    /** The projector link's token: one per deployment, kept so every start prints it. */
    async projectorToken(): Promise<string> {
      const existing = await redis.get(keys.projectorToken);
      if (existing) return existing;
      const token = await this.issue({ role: "projector" });
      // NX: two nodes starting at once must agree on one projector token.
      const won = await redis.set(keys.projectorToken, token, "NX");
      if (won) return token;
      await this.revoke(token);
      return (await redis.get(keys.projectorToken)) ?? token;
    },
  };
}

export type AuthStore = ReturnType<typeof createAuthStore>;
