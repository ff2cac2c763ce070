// The tools an agent may be given, by the name skills use for them. Each only when the run can offer it:
// web_search needs a provider key, execute_code a sandbox.
import { z } from "zod";

export const AgentToolName = z.enum(["calculator", "search_corpus", "web_search", "execute_code"]);
export type AgentToolName = z.infer<typeof AgentToolName>;
