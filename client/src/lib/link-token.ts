import { readStored, writeStored } from "./storage.ts";

/**
 * Links carry their secret in the fragment (`/v#k=…`): browsers never send the fragment to
 * the server, so it stays out of access logs and Referer headers. Once read it is moved to
 * storage and wiped from the address bar so it is not shown on a projector or over a
 * shoulder.
 */
export function takeLinkToken(storageKey: string): string | null {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const fromLink = params.get("k");
  if (fromLink) {
    writeStored(storageKey, fromLink);
    params.delete("k");
    const rest = params.toString();
    history.replaceState(null, "", window.location.pathname + (rest ? `#${rest}` : ""));
    return fromLink;
  }
  return readStored(storageKey);
}

/** A non-secret parameter from the fragment, e.g. `#round=R1`. */
export function hashParam(name: string): string | null {
  return new URLSearchParams(window.location.hash.slice(1)).get(name);
}

export const ORGANIZER_TOKEN_KEY = "jingpin.organizer";
