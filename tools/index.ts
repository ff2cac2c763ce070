// The tools a run can hand to its agents, by name. A tool that the run cannot offer (web search without a
// provider key, code execution without a sandbox) is left out, so an agent never sees a tool that fails.
import type { StructuredToolInterface } from "@langchain/core/tools";
import type { AgentToolName, AgentTools } from "./agent-tools.js";
import { calculatorTool } from "./calculator.js";
import { createExecuteCodeTool } from "./code-execution/index.js";
import { corpusSearchTool } from "./corpus-search.js";
import { webSearchTool } from "./web-search.js";

export { AGENT_TOOL_NAMES, AgentToolName, type AgentTools } from "./agent-tools.js";

export function agentTools(
  names: readonly AgentToolName[],
  available: AgentTools | undefined,
): StructuredToolInterface[] {
  const tools: StructuredToolInterface[] = [];
  for (const name of names) {
    if (name === "calculator") tools.push(calculatorTool);
    else if (name === "search_corpus" && available?.search) tools.push(corpusSearchTool(available.search));
    else if (name === "web_search") {
      const web = webSearchTool(available?.webSearch);
      if (web) tools.push(web);
    } else if (name === "execute_code" && available?.code) tools.push(createExecuteCodeTool(available.code));
  }
  return tools;
}
