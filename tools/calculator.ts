// Exact arithmetic for agents: mathjs's own expression parser (no JavaScript eval) over 64-digit
// BigNumbers, with units, and with the functions that could change the parser itself switched off.
import { tool } from "@langchain/core/tools";
import { all, create } from "mathjs";
import { z } from "zod";
import { EngineError } from "../runtime/errors.js";

const math = create(all ?? {}, { number: "BigNumber", precision: 64 });
const evaluateExpression = math.evaluate.bind(math);
// Expressions may not redefine the environment they run in (mathjs's own security advice).
const disabled = [
  "import",
  "createUnit",
  "evaluate",
  "parse",
  "simplify",
  "derivative",
  "compile",
  "reviver",
  "resolve",
];
math.import(
  Object.fromEntries(
    disabled.map((name) => [
      name,
      () => {
        throw new Error(`${name} is disabled in the calculator`);
      },
    ]),
  ),
  { override: true },
);

export class CalculatorError extends EngineError {
  readonly kind = "tool";
  constructor(
    readonly expression: string,
    message: string,
  ) {
    super(`cannot evaluate "${expression}": ${message}`);
    this.name = "CalculatorError";
  }
}

/** Evaluate an arithmetic expression exactly, e.g. "3.2e6 * 365 / 12", "5 km to mile", "sqrt(2)^2". */
export function calculate(expression: string): string {
  if (expression.length > 1000)
    throw new CalculatorError(expression.slice(0, 40), "expression longer than 1000 characters");
  try {
    const result = evaluateExpression(expression);
    if (typeof result === "function") throw new Error("the expression is a function, not a value");
    // Whole numbers in full (2^100 has 31 digits); others to 20 significant digits.
    if (math.isBigNumber(result) && result.isInteger() && result.abs().lt("1e64")) return result.toFixed();
    return math.format(result, { precision: 20, lowerExp: -9, upperExp: 21 });
  } catch (error) {
    throw new CalculatorError(expression, (error as Error).message);
  }
}

export const calculatorTool = tool(async ({ expression }) => calculate(expression), {
  name: "calculator",
  description:
    "Evaluate an arithmetic expression exactly (big numbers, fractions, powers, sqrt, log, units such as " +
    '"120 km/h * 2.5 h to km"). Returns the value as text. Use it for every non-trivial calculation.',
  schema: z.object({ expression: z.string().min(1).describe("The expression, in mathjs syntax.") }),
});
