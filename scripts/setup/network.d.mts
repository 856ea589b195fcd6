// Types for TypeScript callers; see network.mjs.

export function lanAddress(): string;
export function freePort(host?: string): Promise<number>;
