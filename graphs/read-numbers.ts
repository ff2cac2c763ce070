// Numbers as a teacher writes them ("4,200", "$3.5 million", "3 × 10^4"), read into plain values. Shared by
// the answer checks and by the comparison of expected outcomes, which must agree on what "the same number" is.

const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const SUPERSCRIPT: Record<string, string> = {
  "⁰": "0",
  "¹": "1",
  "²": "2",
  "³": "3",
  "⁴": "4",
  "⁵": "5",
  "⁶": "6",
  "⁷": "7",
  "⁸": "8",
  "⁹": "9",
  "⁻": "-",
};

/** Scientific notation as the teacher writes it (3 × 10^4, 3·10⁴, 10^6) as plain `3e4`, `1e6`. */
function plainNotation(text: string): string {
  return text
    .replaceAll("−", "-")
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+/g, (digits) => `^${[...digits].map((digit) => SUPERSCRIPT[digit]).join("")}`)
    .replace(/(\d(?:[\d,]*\d)?(?:\.\d+)?)\s*(?:[×x*·]|\\times)\s*10\s*\^\s*\{?(-?\d+)\}?/gi, "$1e$2")
    .replace(/(?<![\d.])10\s*\^\s*\{?(-?\d+)\}?/g, "1e$1");
}

/** Numbers in a text: thousands separators, signs, scientific notation and scale words understood. */
export function numbersIn(text: string): number[] {
  const found = plainNotation(text).matchAll(
    /-?\d[\d,]*(?:\.\d+)?(?:e[+-]?\d+)?(?:\s*(thousand|million|billion|trillion)\b)?/gi,
  );
  return [...found]
    .map((match) => {
      const number = /^-?\d[\d,]*(?:\.\d+)?(?:e[+-]?\d+)?/i.exec(match[0])?.[0] ?? "";
      return Number(number.replaceAll(",", "")) * (match[1] ? (SCALES[match[1].toLowerCase()] ?? 1) : 1);
    })
    .filter((value) => Number.isFinite(value));
}

/** A number-only key: "42", "42 km", "$3.5 million", "3 × 10^4 tonnes". */
export function numericKey(key: string): number | undefined {
  const text = plainNotation(key.trim());
  if (!/^[^\d-]{0,3}-?\d/.test(text)) return undefined;
  const values = numbersIn(text);
  // A key with a second number ("3 to 5", "1 in 20") is not a single number.
  return values.length === 1 ? values[0] : undefined;
}
