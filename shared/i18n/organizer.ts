import { defineTexts } from "./define.ts";

/** Texts of the organizer page(s). */
export const organizer = defineTexts({});
