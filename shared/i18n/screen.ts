import { defineTexts } from "./define.ts";

/** Texts of the screen page(s). */
export const screen = defineTexts({});
