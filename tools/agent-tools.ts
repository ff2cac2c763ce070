// What tools/ offers agents, by name, and what a run hands over to build them. Owned here so skills
// (agents/) and flows (graphs/) depend on tools, never the other way round.
import { z } from "zod";
import type { CorpusSearch } from "./corpus-search.js";
import type { WebSearchOptions } from "./web-search.js";

export const AGENT_TOOL_NAMES = ["calculator", "search_corpus", "web_search", "execute_code"] as const;

/** Tools a responder may call (each only when available in the run: web_search needs a provider key). */
export const AgentToolName = z.enum(AGENT_TOOL_NAMES);
export type AgentToolName = z.infer<typeof AgentToolName>;

/** The tools a run can give its agents; each is absent when the run cannot offer it. */
export interface AgentTools {
  search?: CorpusSearch;
  webSearch?: WebSearchOptions;
  /** Code execution in the sandbox (present when a skill runs code). */
  code?: { allowUnsandboxed: boolean };
}
