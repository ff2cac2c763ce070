// The contract between a skill's flow and whoever runs it: what the runner supplies (FlowDeps) and where
// scripts plug in (FlowHooks). Types only, so the runner and every graph module
// can share them without importing the builder (or each other) for a type.
import type { RunnableConfig } from "@langchain/core/runnables";
import type { Seed } from "../runtime/corpus/read-corpus.js";
import type { JudgeRubric } from "../runtime/judge-rubric.js";
import type { ModelGateway } from "../runtime/models/gateway.js";
import type { AgentTools } from "../tools/agent-tools.js";
import type { RespondTask } from "./responders/index.js";
import type { Answer, Note } from "./skill-state.js";

export type { RespondTask } from "./responders/index.js";

/** What the flow needs from the run: the model gateway, seed lookup and the run's settings. */
export interface FlowDeps {
  tools?: AgentTools;
  gateway: ModelGateway;
  loadSeed(id: string): Promise<Seed | undefined>;
  runId: string;
  /** The run's --seed: with skill and seed id it decides every random choice. */
  runSeed: number;
  rounds: number;
  /** How many times an agent is asked before its output is declared invalid. */
  outputAttempts: number;
  /** Aborts in-flight calls when the user insists on stopping now. */
  signal?: AbortSignal;
  /** What happens to an answer that disagrees with its expected outcome. */
  onDisagree?: "regenerate" | "drop" | "keep";
  /** The quality judge's rubric: with it, every verified answer is scored (and may be dropped) before it is kept. */
  judge?: JudgeRubric;
  /**
   * Why an instruction should not be answered (a near-duplicate of one already kept, or eval text), checked before
   * its response is generated: the note it is dropped with, or undefined to answer it.
   */
  screen?: (draft: { skill: string; split: string; subject: string; userTurn: string }) => Promise<Note | undefined>;
}

/** Extension points for skills that need more than the standard flow. */
export interface FlowHooks {
  /** Replace response generation (e.g. a tool-using agent). */
  respond?: (task: RespondTask, config: RunnableConfig, deps: FlowDeps) => Promise<Answer>;
}
