// How a call is traced: nested under the item's graph run, named skill/agent (or skill/tool:name), tagged and
// carrying run, seed and thread ids, so LangSmith traces are searchable. Model calls and tool runs alike.
import type { RunnableConfig } from "@langchain/core/runnables";
import type { CallContext } from "./gateway.js";

export function traceConfig(context: CallContext, tool?: string): RunnableConfig {
  const [kind, name] = tool === undefined ? ["agent", context.agent] : ["tool", tool];
  return {
    callbacks: context.parent?.callbacks,
    runName: `${context.skill}/${tool === undefined ? context.agent : `tool:${tool}`}`,
    tags: [`skill:${context.skill}`, `flow:${context.flow}`, `${kind}:${name}`],
    metadata: {
      run_id: context.runId,
      seed_id: context.seedId,
      thread_id: context.itemId,
      skill: context.skill,
      flow: context.flow,
      [kind]: name,
    },
  };
}
