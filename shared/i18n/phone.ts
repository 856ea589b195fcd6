import { defineTexts } from "./define.ts";

/** Texts of the phone page(s). */
export const phone = defineTexts({});
