// How a call is traced: nested under the item's graph run, named skill/agent (or skill/tool:name), tagged and
// carrying run, seed and thread ids, so LangSmith traces are searchable. Model calls and tool runs alike.
import type { RunnableConfig } from "@langchain/core/runnables";

/** Who is calling: names the trace and attributes tokens. */
export interface CallContext {
  runId: string;
  skill: string;
  /** The stage of the flow: transform, instruct, suggest, edit, respond. */
  flow: string;
  agent: string;
  itemId: string;
  seedId: string;
  /**
   * A second independent answer to the same request (verification's regenerate): not sent, but part of the
   * cache key, so the first answer is not replayed in its place.
   */
  sample?: number;
  /** The LangGraph node's config, so the call nests under the graph's trace. */
  parent?: RunnableConfig;
  signal?: AbortSignal;
}

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
