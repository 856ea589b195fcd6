export * from "./commands.ts";
export * from "./draws.ts";
export * from "./events.ts";
export * from "./register.ts";
export * from "./state.ts";
