// Token usage, one spelling everywhere (LangChain's and the records'); the calls table's columns match it.
import { z } from "zod";

export const Usage = z.object({ input_tokens: z.number(), output_tokens: z.number() });
export type Usage = z.infer<typeof Usage>;

export const noUsage = (): Usage => ({ input_tokens: 0, output_tokens: 0 });

/** Add `more` into `total` (a running sum) and return it. */
export function addUsage(total: Usage, more: Usage): Usage {
  total.input_tokens += more.input_tokens;
  total.output_tokens += more.output_tokens;
  return total;
}
