import { describe, expect, it } from "vitest";
import { libpqTarget, withoutPassword } from "../../scripts/setup/postgres.mjs";

describe("withoutPassword", () => {
  it("masks a password in the authority or as a parameter", () => {
    expect(withoutPassword("postgresql://app:s%40cret@db.example:5432/jp")).toBe(
      "postgresql://app:***@db.example:5432/jp",
    );
    expect(withoutPassword("postgresql://db/jp?password=x&sslmode=require")).toBe(
      "postgresql://db/jp?password=***&sslmode=require",
    );
    const socket = "postgresql:///jingpin?host=/var/lib/jingpin/0/postgres/socket&user=postgres";
    expect(withoutPassword(socket)).toBe(socket);
  });
});

describe("libpqTarget", () => {
  it("moves the password to PGPASSWORD, decoded", () => {
    expect(libpqTarget("postgresql://app:s%40cret@db.example:5432/jp")).toEqual({
      url: "postgresql://app@db.example:5432/jp",
      env: { PGPASSWORD: "s@cret" },
    });
    expect(libpqTarget("postgresql://app@db/jp?password=p%26w&sslmode=require")).toEqual({
      url: "postgresql://app@db/jp?sslmode=require",
      env: { PGPASSWORD: "p&w" },
    });
    expect(libpqTarget("postgresql://db/jp?sslmode=require&password=x")).toEqual({
      url: "postgresql://db/jp?sslmode=require",
      env: { PGPASSWORD: "x" },
    });
  });

  it("leaves a URL without a password as it is", () => {
    const socket = "postgresql:///jingpin?host=/tmp/s&user=postgres";
    expect(libpqTarget(socket)).toEqual({ url: socket, env: {} });
  });
});
