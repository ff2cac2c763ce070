// Models wrap JSON in ```json fences, put a sentence before it, or add a remark after it. Find the
// JSON value a model meant; validation against the agent's schema happens after this.
import { EngineError } from "../errors.js";

export class JsonNotFoundError extends EngineError {
  readonly kind = "output-invalid";
  constructor(message: string) {
    super(message);
    this.name = "JsonNotFoundError";
  }
}

/** Parse the JSON value in a model's text output. Throws JsonNotFoundError saying what was wrong. */
export function parseJsonOutput(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === "") throw new JsonNotFoundError("the output was empty");
  const direct = tryParse(trimmed);
  if (direct.ok) return direct.value;

  for (const fence of trimmed.matchAll(/```(?:json|JSON)?[ \t]*\n([\s\S]*?)```/g)) {
    const inner = tryParse((fence[1] ?? "").trim());
    if (inner.ok) return inner.value;
  }
  // Prose around the value: take each balanced {...} or [...] from the first opener on.
  for (let start = 0; start < trimmed.length; start += 1) {
    const char = trimmed[start];
    if (char !== "{" && char !== "[") continue;
    const end = balancedEnd(trimmed, start);
    // Unclosed: the output was cut off, and every later bracket is inside it, so nothing whole remains.
    if (end < 0) break;
    const candidate = tryParse(trimmed.slice(start, end + 1));
    if (candidate.ok) return candidate.value;
  }
  throw new JsonNotFoundError(`the output was not valid JSON (${direct.error})`);
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** Index of the bracket closing the one at `start`, skipping brackets inside strings; -1 if none. */
function balancedEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === "\\") index += 1;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === "{" || char === "[") depth += 1;
    else if (char === "}" || char === "]") {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}
