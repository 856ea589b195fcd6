import { ok } from "../../shared/errors.ts";
import type { Handlers } from "../platform/command-router.ts";
import type { Services } from "../services.ts";

/** The staff register over the socket: the list, and a person added or edited by hand. */
export function registerHandlers(s: Services): Pick<Handlers, "people:list" | "person:save"> {
  return {
    "people:list": async () => {
      const [people, relationships, groupCounts] = await Promise.all([
        s.records.register.listPeople(),
        s.records.register.relationships(),
        s.records.register.groupCounts(),
      ]);
      return ok({
        people: people.map(({ personId: _, ...p }) => p),
        relationships,
        groupCounts,
      });
    },

    "person:save": async (ctx, { person }) => {
      const audit = s.audit.record(ctx.principal, null, "person:save", { subject: person.staffNo });
      const outcome = await s.records.register.savePerson(person, audit);
      return ok({ outcome });
    },
  };
}
