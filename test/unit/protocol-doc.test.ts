import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { commands } from "../../shared/protocol/commands.ts";

const doc = readFileSync(new URL("../../docs/protocol.md", import.meta.url), "utf8");

describe("docs/protocol.md", () => {
  it("documents every command with exactly the roles the server enforces", () => {
    for (const [name, spec] of Object.entries(commands)) {
      const section = doc.split(`#### \`${name}\``)[1];
      expect(section, `no section for ${name}`).toBeDefined();
      const roles = section?.match(/^roles: (.+)$/m)?.[1]?.split(", ");
      expect(roles?.sort(), name).toEqual([...spec.roles].sort());
    }
  });

  it("documents no command the server does not have", () => {
    const documented = [...doc.matchAll(/^#### `([^`]+)`$/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(commands).sort());
  });
});
