/**
 * Generates values that validate against a JSON Schema (draft 2020-12, as produced by
 * zod 4's `z.toJSONSchema()`), so the simulated model (the test server's, and `agentinstruct estimate`'s)
 * can answer structured-output requests the way a well-behaved model would. Text is readable pseudo-English mixed with words from
 * the request, so different inputs give visibly different outputs.
 */
import randexpModule from "randexp";

/** Any JSON Schema: `true`/`false` or a schema object. Deliberately loose so zod's output type fits. */
export type JsonSchema = boolean | { readonly [key: string]: unknown };

export interface InstanceHints {
  /** Words (usually from the request) mixed into the generated text. */
  words?: string[];
}

type SchemaObject = { readonly [key: string]: unknown };

interface Context {
  root: JsonSchema;
  random: () => number;
  words: string[];
  depth: number;
  propertyName?: string;
}

/** Below this nesting depth optional properties are filled in; deeper, only required ones (stops recursive schemas). */
const OPTIONAL_DEPTH = 4;
/** Past this depth a schema that still demands more nesting cannot terminate; give up with null. */
const MAX_DEPTH = 24;
/** Share of words drawn from the hints rather than the built-in vocabulary. */
const HINT_WORD_SHARE = 0.35;
/** Property names whose strings should read like passages rather than short phrases. */
const LONG_TEXT_NAME = /content|text|passage|answer|instruction|question|body/i;

const VOCABULARY = [
  "the",
  "a",
  "data",
  "system",
  "model",
  "process",
  "result",
  "value",
  "method",
  "example",
  "analysis",
  "approach",
  "structure",
  "pattern",
  "context",
  "detail",
  "feature",
  "source",
  "signal",
  "record",
  "question",
  "answer",
  "document",
  "section",
  "concept",
  "principle",
  "evidence",
  "change",
  "growth",
  "balance",
  "energy",
  "market",
  "network",
  "language",
  "history",
  "practice",
  "theory",
  "design",
  "measure",
  "factor",
  "impact",
  "level",
  "range",
  "careful",
  "simple",
  "complex",
  "useful",
  "clear",
  "early",
  "recent",
  "common",
  "specific",
  "general",
  "important",
  "different",
  "similar",
  "several",
  "many",
  "each",
  "every",
  "often",
  "usually",
  "rarely",
  "quickly",
  "slowly",
  "directly",
  "clearly",
  "describes",
  "explains",
  "shows",
  "suggests",
  "supports",
  "requires",
  "includes",
  "improves",
  "reduces",
  "compares",
  "connects",
  "follows",
  "creates",
  "provides",
  "defines",
  "reveals",
  "changes",
  "depends",
  "on",
  "with",
  "from",
  "into",
  "between",
  "across",
  "through",
  "about",
  "under",
  "over",
  "and",
  "but",
  "while",
  "because",
  "when",
  "which",
  "that",
  "this",
  "these",
  "its",
  "their",
  "team",
  "reader",
  "author",
  "student",
  "study",
  "paper",
  "report",
  "table",
  "figure",
  "step",
  "stage",
  "phase",
  "goal",
  "task",
  "tool",
  "rule",
  "case",
  "point",
  "idea",
];

/** Generates a value that validates against `schema`; deterministic for a given `random` sequence. */
export function instanceOf(schema: JsonSchema, random: () => number, hints?: InstanceHints): unknown {
  const context: Context = { root: schema, random, words: hints?.words ?? [], depth: 0 };
  return generate(schema, context);
}

/** A paragraph of `sentenceCount` pseudo-English sentences; used for plain-text replies. */
export function paragraph(random: () => number, hints: InstanceHints | undefined, sentenceCount: number): string {
  const context: Context = { root: true, random, words: hints?.words ?? [], depth: 0 };
  return sentences(context, sentenceCount);
}

/**
 * Follows `$ref` (merging sibling keywords) and flattens `allOf`, so callers see one plain schema.
 * `root` is the document that `#` and `#/$defs/...` refer to.
 */
export function resolveSchema(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let current = schema;
  // Pure reference cycles ({$ref:"#"} at the root) would loop forever; a few hops are plenty.
  for (let hops = 0; hops < 32 && isSchemaObject(current); hops++) {
    const reference = current.$ref;
    if (typeof reference !== "string") break;
    const { $ref: _ignored, ...siblings } = current;
    const target = lookupPointer(root, reference);
    current = Object.keys(siblings).length === 0 ? target : mergeSchemas(asObject(target), siblings);
  }
  if (isSchemaObject(current) && Array.isArray(current.allOf)) {
    const { allOf, ...rest } = current;
    return (allOf as JsonSchema[]).reduce<SchemaObject>(
      (merged, part) => mergeSchemas(merged, asObject(resolveSchema(part, root))),
      rest,
    );
  }
  return current;
}

// ---------------------------------------------------------------------------
// Dispatch

function generate(schema: JsonSchema, context: Context): unknown {
  if (context.depth > MAX_DEPTH) return null;
  const resolved = resolveSchema(schema, context.root);
  if (resolved === false) return null; // Nothing validates; null is the least surprising answer.
  if (resolved === true) return phrase(context);
  if ("const" in resolved) return resolved.const;
  if (Array.isArray(resolved.enum) && resolved.enum.length > 0) return pick(resolved.enum, context.random);

  const branches = resolved.anyOf ?? resolved.oneOf;
  if (Array.isArray(branches)) return generateFromBranches(resolved, branches as JsonSchema[], context);

  switch (chooseType(resolved)) {
    case "object":
      return generateObject(resolved, context);
    case "array":
      return generateArray(resolved, context);
    case "string":
      return generateString(resolved, context);
    case "integer":
      return generateNumber(resolved, context, true);
    case "number":
      return generateNumber(resolved, context, false);
    case "boolean":
      return context.random() < 0.5;
    case "null":
      return null;
    default:
      return phrase(context); // Unconstrained ({} / z.any()): any JSON validates; text reads best.
  }
}

/** anyOf/oneOf: the first branch that is not plain null (nullable fields get real values). */
function generateFromBranches(schema: SchemaObject, branches: JsonSchema[], context: Context): unknown {
  const { anyOf: _anyOf, oneOf: _oneOf, ...siblings } = schema;
  const chosen = branches.find((branch) => !isNullSchema(resolveSchema(branch, context.root)));
  if (chosen === undefined) return null;
  if (Object.keys(siblings).length === 0) return generate(chosen, context);
  return generate(mergeSchemas(siblings, asObject(resolveSchema(chosen, context.root))), context);
}

function isNullSchema(schema: JsonSchema): boolean {
  if (!isSchemaObject(schema)) return false;
  if (schema.type === "null") return true;
  return "const" in schema && schema.const === null;
}

/** The type to produce: the first non-null entry of `type`, else inferred from the keywords present. */
function chooseType(schema: SchemaObject): string | undefined {
  const declared = schema.type;
  if (typeof declared === "string") return declared;
  if (Array.isArray(declared)) {
    const types = declared.filter((entry): entry is string => typeof entry === "string");
    return types.find((entry) => entry !== "null") ?? types[0];
  }
  if ("properties" in schema || "additionalProperties" in schema || "required" in schema) return "object";
  if ("items" in schema || "prefixItems" in schema) return "array";
  if ("minLength" in schema || "maxLength" in schema || "format" in schema || "pattern" in schema) return "string";
  if ("minimum" in schema || "maximum" in schema || "exclusiveMinimum" in schema || "exclusiveMaximum" in schema) {
    return "number";
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Objects and arrays

function generateObject(schema: SchemaObject, context: Context): Record<string, unknown> {
  const properties = isSchemaObject(schema.properties) ? (schema.properties as Record<string, JsonSchema>) : {};
  const required = stringArray(schema.required);
  const includeOptional = context.depth < OPTIONAL_DEPTH;
  const result: Record<string, unknown> = {};

  for (const [name, propertySchema] of Object.entries(properties)) {
    if (!includeOptional && !required.includes(name)) continue;
    result[name] = generate(propertySchema, child(context, name));
  }

  // Required keys without a declared schema (records with enum keys, hand-written schemas).
  const extra = additionalSchema(schema);
  for (const name of required) {
    if (name in result) continue;
    result[name] = generate(extra ?? true, child(context, name));
  }

  // Pure records (z.record): a schema for values but no declared properties.
  if (Object.keys(properties).length === 0 && extra !== undefined) {
    for (const key of recordKeys(schema, context)) {
      if (!(key in result)) result[key] = generate(extra, child(context, key));
    }
  }
  return result;
}

/** The schema for undeclared properties, when there is a usable one. */
function additionalSchema(schema: SchemaObject): JsonSchema | undefined {
  const additional = schema.additionalProperties;
  return isSchemaObject(additional) ? additional : undefined;
}

function recordKeys(schema: SchemaObject, context: Context): string[] {
  const names = isSchemaObject(schema.propertyNames) ? schema.propertyNames : {};
  // Enum keys: include them all, since zod makes enum-keyed records exhaustive.
  if (Array.isArray(names.enum)) return names.enum.map(String);
  const minimum = numberOr(schema.minProperties, 1);
  const maximum = Math.max(minimum, Math.min(numberOr(schema.maxProperties, minimum + 1), minimum + 1));
  const count = context.depth < OPTIONAL_DEPTH ? between(minimum, maximum, context.random) : minimum;
  const keys = new Set<string>();
  for (let attempt = 0; keys.size < count && attempt < count * 10; attempt++) {
    const key = word(context)
      .toLowerCase()
      .replace(/[^\p{L}]/gu, "");
    keys.add(fitLength(key, numberOr(names.minLength, 0), optionalNumber(names.maxLength), context));
  }
  return [...keys];
}

function generateArray(schema: SchemaObject, context: Context): unknown[] {
  const prefix = Array.isArray(schema.prefixItems) ? (schema.prefixItems as JsonSchema[]) : [];
  const items = schema.items as JsonSchema | undefined;
  const length = chooseArrayLength(schema, prefix.length, items === false, context);
  const itemContext = child(context, context.propertyName);
  const result: unknown[] = [];
  const seen = new Set<string>();

  // uniqueItems: retry a few times on duplicates rather than looping forever on tiny enums.
  for (let attempt = 0; result.length < length && attempt < length * 10; attempt++) {
    const index = result.length;
    const value = generate(prefix[index] ?? items ?? true, itemContext);
    if (schema.uniqueItems === true) {
      const key = JSON.stringify(value);
      if (seen.has(key)) continue;
      seen.add(key);
    }
    result.push(value);
  }
  return result;
}

/** Between minItems (default 1) and min(maxItems, minItems + 2); `items: false` caps at the tuple length. */
function chooseArrayLength(schema: SchemaObject, prefixLength: number, closed: boolean, context: Context): number {
  const deep = context.depth >= OPTIONAL_DEPTH;
  let maximum = numberOr(schema.maxItems, Number.POSITIVE_INFINITY);
  if (closed) maximum = Math.min(maximum, prefixLength);
  const minimum = Math.min(numberOr(schema.minItems, deep ? 0 : 1), maximum);
  return between(minimum, Math.min(maximum, minimum + (deep ? 0 : 2)), context.random);
}

function child(context: Context, propertyName: string | undefined): Context {
  return { ...context, depth: context.depth + 1, propertyName };
}

// ---------------------------------------------------------------------------
// Numbers

interface Bounds {
  low: number;
  high: number;
  lowExclusive: boolean;
  highExclusive: boolean;
}

function generateNumber(schema: SchemaObject, context: Context, integer: boolean): number {
  const bounds = numericBounds(schema, integer);
  const step = typeof schema.multipleOf === "number" && schema.multipleOf > 0 ? schema.multipleOf : undefined;
  if (step !== undefined) return multipleWithin(bounds, step, context.random);
  if (integer) return between(Math.ceil(bounds.low), Math.floor(bounds.high), context.random);

  const candidate = Math.round((bounds.low + context.random() * (bounds.high - bounds.low)) * 100) / 100;
  if (withinBounds(candidate, bounds)) return candidate;
  return (bounds.low + bounds.high) / 2; // Narrow or exclusive ranges: the midpoint always fits.
}

/** Declared limits narrowed to a small, readable window (nobody wants 9007199254740991 in test data). */
function numericBounds(schema: SchemaObject, integer: boolean): Bounds {
  let low = optionalNumber(schema.minimum);
  let high = optionalNumber(schema.maximum);
  let lowExclusive = false;
  let highExclusive = false;
  const exclusiveLow = schema.exclusiveMinimum;
  const exclusiveHigh = schema.exclusiveMaximum;
  // Draft 2020-12 uses numbers; draft 4 used booleans that modify minimum/maximum.
  if (typeof exclusiveLow === "number" && (low === undefined || exclusiveLow >= low)) {
    low = exclusiveLow;
    lowExclusive = true;
  } else if (exclusiveLow === true) lowExclusive = true;
  if (typeof exclusiveHigh === "number" && (high === undefined || exclusiveHigh <= high)) {
    high = exclusiveHigh;
    highExclusive = true;
  } else if (exclusiveHigh === true) highExclusive = true;

  [low, high] = readableWindow(low, high);
  if (integer) {
    if (lowExclusive && Number.isInteger(low)) low += 1;
    if (highExclusive && Number.isInteger(high)) high -= 1;
    return {
      low: Math.ceil(low),
      high: Math.max(Math.ceil(low), Math.floor(high)),
      lowExclusive: false,
      highExclusive: false,
    };
  }
  return { low, high, lowExclusive, highExclusive };
}

function readableWindow(low: number | undefined, high: number | undefined): [number, number] {
  const span = 100;
  if (low === undefined && high === undefined) return [0, span];
  if (high === undefined) return [low as number, (low as number) + span];
  if (low === undefined) return [high - span, high];
  if (high - low <= 10 * span) return [low, high];
  if (low <= 0 && high >= span) return [0, span];
  return low > 0 ? [low, low + span] : [high - span, high];
}

function multipleWithin(bounds: Bounds, step: number, random: () => number): number {
  let first = Math.ceil(bounds.low / step);
  let last = Math.floor(bounds.high / step);
  if (bounds.lowExclusive && first * step <= bounds.low) first += 1;
  if (bounds.highExclusive && last * step >= bounds.high) last -= 1;
  const multiplier = between(first, Math.max(first, last), random);
  // toPrecision strips float noise such as 0.30000000000000004 for fractional steps.
  return Number((multiplier * step).toPrecision(12));
}

function withinBounds(value: number, bounds: Bounds): boolean {
  const aboveLow = bounds.lowExclusive ? value > bounds.low : value >= bounds.low;
  const belowHigh = bounds.highExclusive ? value < bounds.high : value <= bounds.high;
  return aboveLow && belowHigh;
}

// ---------------------------------------------------------------------------
// Strings

function generateString(schema: SchemaObject, context: Context): string {
  const formatted = typeof schema.format === "string" ? formattedString(schema.format, context) : undefined;
  if (formatted !== undefined) return formatted;
  const long = context.propertyName !== undefined && LONG_TEXT_NAME.test(context.propertyName);
  const text = long ? sentences(context, between(3, 6, context.random)) : phrase(context);
  const fitted = fitLength(text, optionalNumber(schema.minLength) ?? 0, optionalNumber(schema.maxLength), context);
  return typeof schema.pattern === "string" ? matchPattern(schema.pattern, fitted, context) : fitted;
}

// randexp is CommonJS whose types claim an ES default export; Node and vitest resolve it differently.
type RandExpClass = typeof import("randexp").default;
const RandExp: RandExpClass =
  (randexpModule as unknown as { default?: RandExpClass }).default ?? (randexpModule as unknown as RandExpClass);

/**
 * Honour a `pattern`: text that already matches stays; an anchored pattern gets a generated match alone;
 * an unanchored one gets a generated match appended, so prose still reads as prose.
 */
function matchPattern(pattern: string, text: string, context: Context): string {
  const regex = new RegExp(pattern, "u");
  if (regex.test(text)) return text;
  const generator = new RandExp(pattern);
  generator.max = 8;
  generator.randInt = (low: number, high: number) => between(low, high, context.random);
  const match = generator.gen();
  return pattern.startsWith("^") ? match : `${text} ${match}`;
}

/** Pads with words up to minLength and cuts at maxLength, never ending on a space. */
function fitLength(text: string, minimum: number, maximum: number | undefined, context: Context): string {
  let result = text;
  while (result.length < minimum) result += ` ${word(context)}`;
  if (maximum !== undefined && result.length > maximum) result = result.slice(0, maximum).trimEnd();
  return result.length < minimum ? result.padEnd(minimum, "x") : result;
}

/** Values for the formats zod emits, so z.email(), z.uuid(), z.iso.datetime() etc. validate. */
function formattedString(format: string, context: Context): string | undefined {
  const { random } = context;
  const plainWord = () =>
    pick(
      VOCABULARY.filter((entry) => entry.length > 3),
      random,
    );
  switch (format) {
    case "email":
      return `${plainWord()}.${plainWord()}@example.com`;
    case "uuid":
    case "guid":
      return uuid(random);
    case "uri":
    case "url":
    case "iri":
      return `https://example.com/${plainWord()}/${between(1, 999, random)}`;
    case "hostname":
      return `${plainWord()}.example.com`;
    case "ipv4":
      return `192.168.${between(0, 255, random)}.${between(1, 254, random)}`;
    case "ipv6":
      return `2001:db8::${between(1, 65535, random).toString(16)}`;
    case "date-time":
      return randomDate(random)
        .toISOString()
        .replace(/\.\d{3}Z$/, "Z");
    case "date":
      return randomDate(random).toISOString().slice(0, 10);
    case "time":
      return randomDate(random).toISOString().slice(11, 19);
    case "duration":
      return `P${between(1, 30, random)}D`;
    default:
      return undefined; // Unknown formats (and patterns) are ignored: plain text it is.
  }
}

function uuid(random: () => number): string {
  const hex = (count: number) => Array.from({ length: count }, () => between(0, 15, random).toString(16)).join("");
  const variant = pick(["8", "9", "a", "b"], random);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}

function randomDate(random: () => number): Date {
  const start = Date.UTC(2020, 0, 1);
  const fiveYears = 5 * 365 * 24 * 3600 * 1000;
  return new Date(start + Math.floor(random() * fiveYears));
}

// ---------------------------------------------------------------------------
// Words and sentences

/** 3-12 words, capitalised, no final period: titles, labels, short fields. */
function phrase(context: Context): string {
  const count = between(3, 12, context.random);
  return capitalize(Array.from({ length: count }, () => word(context)).join(" "));
}

function sentences(context: Context, count: number): string {
  return Array.from({ length: count }, () => sentence(context)).join(" ");
}

function sentence(context: Context): string {
  const count = between(6, 14, context.random);
  const words = Array.from({ length: count }, () => word(context));
  // An occasional comma makes the text read less like a word list.
  if (count > 8 && context.random() < 0.4) words[between(2, count - 3, context.random)] += ",";
  return `${capitalize(words.join(" "))}.`;
}

function word(context: Context): string {
  const useHint = context.words.length > 0 && context.random() < HINT_WORD_SHARE;
  return pick(useHint ? context.words : VOCABULARY, context.random);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---------------------------------------------------------------------------
// Schema plumbing

function lookupPointer(root: JsonSchema, reference: string): JsonSchema {
  if (reference === "#") return root;
  if (!reference.startsWith("#/")) return true; // Remote references are out of scope: accept anything.
  let current: unknown = root;
  for (const rawSegment of reference.slice(2).split("/")) {
    const segment = decodeURIComponent(rawSegment).replace(/~1/g, "/").replace(/~0/g, "~");
    if (!isSchemaObject(current) && !Array.isArray(current)) return true;
    current = (current as Record<string, unknown>)[segment];
  }
  return isSchemaObject(current) || typeof current === "boolean" ? current : true;
}

/** Combines two schemas as allOf would: properties merged, required unioned, bounds tightened. */
function mergeSchemas(first: SchemaObject, second: SchemaObject): SchemaObject {
  const merged: Record<string, unknown> = { ...first };
  for (const [key, value] of Object.entries(second)) {
    const existing = merged[key];
    if (existing === undefined) merged[key] = value;
    else if (key === "properties") merged[key] = mergeProperties(existing, value);
    else if (key === "required") merged[key] = [...new Set([...stringArray(existing), ...stringArray(value)])];
    else if (key === "type") merged[key] = intersectTypes(existing, value);
    else if (/^(minimum|exclusiveMinimum|minLength|minItems|minProperties)$/.test(key)) {
      merged[key] = Math.max(Number(existing), Number(value));
    } else if (/^(maximum|exclusiveMaximum|maxLength|maxItems|maxProperties)$/.test(key)) {
      merged[key] = Math.min(Number(existing), Number(value));
    } else merged[key] = value;
  }
  return merged;
}

function mergeProperties(first: unknown, second: unknown): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...asRecord(first) };
  for (const [name, schema] of Object.entries(asRecord(second))) {
    merged[name] = name in merged ? { allOf: [merged[name], schema] } : schema;
  }
  return merged;
}

function intersectTypes(first: unknown, second: unknown): unknown {
  const firstTypes = Array.isArray(first) ? first : [first];
  const secondTypes = Array.isArray(second) ? second : [second];
  const common = firstTypes.filter((type) => secondTypes.includes(type));
  if (common.length === 0) return second;
  return common.length === 1 ? common[0] : common;
}

function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asObject(schema: JsonSchema): SchemaObject {
  if (schema === true) return {};
  if (schema === false) return { not: {} };
  return schema;
}

function asRecord(value: unknown): Record<string, unknown> {
  return isSchemaObject(value) ? { ...value } : {};
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === "string") : [];
}

function optionalNumber(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function numberOr(value: unknown, fallback: number): number {
  return optionalNumber(value) ?? fallback;
}

/** Uniform integer in [low, high]. */
function between(low: number, high: number, random: () => number): number {
  if (high <= low) return low;
  return low + Math.floor(random() * (high - low + 1));
}

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  return item as T; // Callers never pass an empty list.
}
