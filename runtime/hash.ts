import { createHash } from "node:crypto";

/** Hex SHA-256 of a string, cut to `length` characters (ids stay short but collisions stay negligible). */
export function sha256(text: string, length = 64): string {
  return createHash("sha256").update(text).digest("hex").slice(0, length);
}

/** Stable JSON: object keys sorted, so equal values hash equally whatever their key order. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, inner) => {
    if (inner && typeof inner === "object" && !Array.isArray(inner)) {
      return Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return inner;
  });
}
