// The tools a run can hand to its agents, by name. A tool that the run cannot offer (web search without a
// provider key, code execution without a sandbox) is left out, so an agent never sees a tool that fails.
import { type StructuredToolInterface, tool } from "@langchain/core/tools";
import { z } from "zod";
import type { AgentToolName } from "../agents/define-skill.js";
import type { AgentTools } from "../graphs/build-skill-graph.js";
import { calculatorTool } from "./calculator.js";
import { corpusSearchTool } from "./corpus-search.js";
import { webSearchTool } from "./web-search.js";

function executeCodeTool(run: NonNullable<AgentTools["executeCode"]>) {
  return tool(async ({ language, code }) => JSON.stringify(await run({ language, code })), {
    name: "execute_code",
    description:
      "Run a Python or JavaScript program in a sandbox (no network, no files of the host, time and memory limits). " +
      "Returns stdout, stderr, exitCode, timedOut and memoryExceeded as JSON. Print what you want to see.",
    schema: z.object({
      language: z.enum(["python", "javascript"]),
      code: z.string().min(1).describe("The complete program."),
    }),
  });
}

export function agentTools(names: readonly AgentToolName[], available: AgentTools | undefined): StructuredToolInterface[] {
  const tools: StructuredToolInterface[] = [];
  for (const name of names) {
    if (name === "calculator") tools.push(calculatorTool);
    else if (name === "search_corpus" && available?.search) tools.push(corpusSearchTool(available.search));
    else if (name === "web_search") {
      const web = webSearchTool(available?.webSearch);
      if (web) tools.push(web);
    } else if (name === "execute_code" && available?.executeCode) tools.push(executeCodeTool(available.executeCode));
  }
  return tools;
}
