import { defineTexts } from "./define.ts";

/** Texts of the chair page(s). */
export const chair = defineTexts({});
