import type { SkillSpec } from "../agents/define-skill.js";
import { buildSkillGraph } from "./build-skill-graph.js";
import type { FlowDeps } from "./flow-types.js";

/** Drawing needs the graph's shape only: these deps refuse any work. */
const drawingDeps: FlowDeps = {
  gateway: {
    complete: () => Promise.reject(new Error("drawing a graph makes no model calls")),
    forget: () => Promise.reject(new Error("drawing a graph caches nothing")),
    modelFor: () => {
      throw new Error("drawing a graph uses no model");
    },
  },
  loadSeed: () => Promise.resolve(undefined),
  runId: "drawing",
  runSeed: 0,
  rounds: 1,
  outputAttempts: 1,
};

/** The skill's flow as a Mermaid diagram. */
export async function drawSkillGraph(skill: SkillSpec): Promise<string> {
  const compiled = buildSkillGraph(skill, drawingDeps).compile();
  const drawable = await compiled.getGraphAsync();
  return drawable.drawMermaid();
}
