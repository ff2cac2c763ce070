// Deterministic checks of a teacher's answer against its item's expected outcome, where the shape allows one:
// an option letter, a number within a tolerance, tool calls against the planned ones, abstention when the item
// cannot be answered, the sandbox's verdict on code. What no rule can settle is left to the verifier agent
// (undefined here). A check only says "disagrees" where the rule is sure; unsure cases go to the model.
import type { ChatTurn } from "../runtime/models/chat-turn.js";
import type { Expected } from "./expected-outcome.js";
import { numbersIn, numericKey } from "./read-numbers.js";
import type { Verification } from "./skill-state.js";

export interface VerifyInput {
  expected: Expected;
  /** The teacher's turns after the first user turn. */
  turns: ChatTurn[];
  /** mcq: the option letters. */
  letters?: readonly string[];
  numeric: { mode: "relative" | "orders"; within: number };
  /** Coding: the sandbox's verdict on the answer's code, when it ran. */
  execution?: { status: string; tests?: Array<{ name: string; status: string }> };
}

const verdict = (status: Verification["status"], method: Verification["method"], reason: string): Verification => ({
  status,
  method,
  reason,
});

/**
 * The teacher's final answer: what follows its last "Final answer:" (marked), or else its last paragraph. A
 * marked line is the teacher's own statement of the answer; an unmarked paragraph is only a guess at it.
 */
export function finalAnswer(text: string): { text: string; marked: boolean } {
  const matches = [...text.matchAll(/final answer\s*[:：]\s*/gi)];
  const last = matches.at(-1);
  if (last?.index !== undefined) return { text: text.slice(last.index + last[0].length).trim(), marked: true };
  const paragraphs = text.trim().split(/\n\s*\n/);
  return { text: (paragraphs.at(-1) ?? "").trim(), marked: false };
}

const ABSTAIN = [
  /\b(?:does|do|did)\s*(?:not|n['’]t)\s+(?:say|state|mention|specify|provide|give|contain|include|indicate|tell|support|allow|offer|report|explain|address)\b/i,
  /\bnot\s+(?:stated|mentioned|specified|provided|given|included|indicated|addressed|supported|answerable)\b/i,
  /\b(?:cannot|can['’]t|can\s+not)\s+(?:be\s+)?(?:determined|answered|inferred|known|told|concluded|established|answer|determine|tell|say|know)\b/i,
  /\b(?:not|insufficient|no)\s+(?:enough\s+)?(?:information|data|evidence|details?)\b/i,
  /\bno\s+(?:option|answer|choice)\s+is\s+(?:supported|correct|given)\b/i,
  /\bunanswerable\b/i,
  /\bthere\s+is\s+no\s+way\s+to\s+(?:tell|know|determine)\b/i,
];

export function abstains(text: string): boolean {
  return ABSTAIN.some((pattern) => pattern.test(text));
}

/** The option letter a final answer gives, if it gives exactly one. */
export function letterOf(text: string, letters: readonly string[]): string | undefined {
  const set = letters.join("");
  const patterns = [
    new RegExp(`^\\**\\(?([${set}])\\)?\\**(?:[.):\\s]|$)`),
    new RegExp(`\\b(?:answer|option|choice)\\s*(?:is|:)?\\s*\\(?([${set}])\\)?(?![\\w])`, "i"),
    new RegExp(`\\(([${set}])\\)`),
  ];
  for (const pattern of patterns) {
    const found = pattern.exec(text.trim());
    if (found?.[1]) return found[1].toUpperCase();
  }
  return undefined;
}

/**
 * The number a final answer states: the first number of a marked "Final answer:" line, or the only number of
 * an unmarked last paragraph (several numbers there could be working, so none is picked).
 */
export function statedNumber(final: { text: string; marked: boolean }): number | undefined {
  const values = numbersIn(final.marked ? (final.text.split("\n", 1)[0] ?? "") : final.text);
  if (final.marked) return values[0];
  return values.length === 1 ? values[0] : undefined;
}

function withinTolerance(value: number, key: number, numeric: VerifyInput["numeric"]): boolean {
  if (numeric.mode === "orders") {
    if (value <= 0 || key <= 0) return value === key;
    return Math.abs(Math.log10(value) - Math.log10(key)) <= numeric.within;
  }
  return Math.abs(value - key) <= Math.max(Math.abs(key) * numeric.within, 1e-9);
}

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

function callsCheck(expected: Expected, turns: ChatTurn[]): Verification | undefined {
  const made = turns.flatMap((turn) => turn.tool_calls ?? []);
  const planned = expected.calls ?? [];
  const madeNames = new Set(made.map((call) => call.function.name));
  const plannedNames = new Set(planned.map((call) => call.name));
  const unplanned = [...madeNames].filter((name) => !plannedNames.has(name));
  const missing = [...plannedNames].filter((name) => !madeNames.has(name));
  if (!expected.answerable) {
    if (unplanned.length > 0) {
      return verdict(
        "disagrees",
        "tool_calls",
        `called ${unplanned.join(", ")}, which the request cannot support as given`,
      );
    }
    const last = turns.filter((turn) => turn.role === "assistant").at(-1)?.content ?? "";
    if (
      /\?\s*$/.test(last.trim()) ||
      abstains(last) ||
      /\b(?:no|none of the)\s+(?:tool|api|function)s?\b/i.test(last)
    ) {
      return verdict("agrees", "abstention", "asked for what is missing or said no tool can do it");
    }
    return undefined;
  }
  if (planned.length === 0) return undefined;
  if (missing.length > 0 || unplanned.length > 0) {
    const parts = [
      missing.length > 0 ? `did not call ${missing.join(", ")}` : "",
      unplanned.length > 0 ? `called ${unplanned.join(", ")}, which was not planned` : "",
    ].filter(Boolean);
    return verdict("disagrees", "tool_calls", parts.join("; "));
  }
  // Every planned value must appear in some call of that tool (values compared loosely: case, spacing, numbers).
  for (const call of planned) {
    const candidates = made
      .filter((entry) => entry.function.name === call.name)
      .map((entry) => {
        try {
          return JSON.parse(entry.function.arguments || "{}") as Record<string, unknown>;
        } catch {
          return {};
        }
      });
    const fits = candidates.some((args) =>
      Object.entries(call.arguments).every(
        ([name, value]) => normalise(JSON.stringify(args[name] ?? null)) === normalise(JSON.stringify(value)),
      ),
    );
    if (!fits) {
      return verdict(
        "disagrees",
        "tool_calls",
        `no call of ${call.name} has the planned arguments ${JSON.stringify(call.arguments)}`,
      );
    }
  }
  return verdict("agrees", "tool_calls", `made the planned calls (${[...plannedNames].join(", ")})`);
}

/** A deterministic verdict, or undefined when the verifier agent must decide. */
export function checkAnswer(input: VerifyInput, toolCalls: boolean): Verification | undefined {
  const { expected } = input;
  if (input.execution && input.execution.status !== "not_run" && input.execution.status !== "unavailable") {
    if (input.execution.status !== "passed") {
      const failed = (input.execution.tests ?? []).filter((test) => test.status !== "passed").map((test) => test.name);
      return verdict(
        "disagrees",
        "execution",
        failed.length > 0 ? `tests failed: ${failed.join(", ")}` : "the code failed when run in the sandbox",
      );
    }
  }
  if (toolCalls) return callsCheck(expected, input.turns);

  const text = input.turns.filter((turn) => turn.role === "assistant").at(0)?.content ?? "";
  const final = finalAnswer(text);
  if (!expected.answerable) {
    if (abstains(final.text)) {
      return verdict("agrees", "abstention", "says the item cannot be answered from what is given");
    }
    const letter = input.letters ? letterOf(final.text, input.letters) : undefined;
    if (letter) return verdict("disagrees", "abstention", `answered ${letter} although no option is supported`);
    // A marked final answer that does not say the item cannot be answered is an answer given anyway.
    if (final.marked && final.text && !abstains(text.slice(-600))) {
      return verdict(
        "disagrees",
        "abstention",
        `answered "${final.text.split("\n", 1)[0]?.slice(0, 120)}" although the item cannot be answered from what is given`,
      );
    }
    return undefined;
  }
  if (!expected.key) return undefined;
  if (input.letters) {
    const letter = letterOf(final.text, input.letters);
    if (!letter) {
      return abstains(final.text) ? verdict("disagrees", "abstention", "declined an answerable item") : undefined;
    }
    return letter === expected.key.toUpperCase()
      ? verdict("agrees", "exact", `answered ${letter}, the key`)
      : verdict("disagrees", "exact", `answered ${letter}; the key is ${expected.key}`);
  }
  const key = numericKey(expected.key);
  if (key !== undefined) {
    const value = statedNumber(final);
    if (value === undefined) {
      return abstains(final.text) ? verdict("disagrees", "abstention", "declined an answerable item") : undefined;
    }
    return withinTolerance(value, key, input.numeric)
      ? verdict("agrees", "numeric", `${value} matches the key ${expected.key}`)
      : verdict("disagrees", "numeric", `${value} does not match the key ${expected.key}`);
  }
  // A short exact key: a match settles it; a miss may be a synonym, which the verifier judges.
  const wanted = normalise(expected.key);
  if (wanted && ` ${normalise(final.text)} `.includes(` ${wanted} `)) {
    return verdict("agrees", "exact", `the final answer states the key "${expected.key}"`);
  }
  return undefined;
}
