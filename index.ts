// The library: everything the CLI does, for scripts. The CLI (cli/) is a thin layer over these.
export { defineSkill, type SkillSpec, type SkillSpecInput } from "./agents/define-skill.js";
export { chooseSkills, findSkill, resolveSkills, SKILLS, skillCatalog, validateSkillFiles } from "./agents/index.js";
export { readSkillFile, SkillFileError } from "./agents/skill-files.js";
export { buildSkillGraph } from "./graphs/build-skill-graph.js";
export { drawSkillGraph } from "./graphs/draw-skill-graph.js";
export type { FlowDeps, FlowHooks, RespondTask } from "./graphs/flow-types.js";
export { type Estimate, type EstimateOptions, estimateRun } from "./runner/estimate.js";
export { loadRunSettings } from "./runner/run-settings.js";
export {
  enqueueRun,
  RunController,
  type RunOptions,
  type RunOutcome,
  type RunProgress,
  runSkills,
} from "./runner/run-skills.js";
export { newWorkerIdentity } from "./runner/worker-id.js";
export { RunConfig, type RunSettings, resolveRunConfig } from "./runtime/config.js";
export { type CorpusEvent, readCorpus, type Seed } from "./runtime/corpus/read-corpus.js";
export {
  BudgetReachedError,
  ConfigError,
  EngineError,
  ModelCallError,
  OutputInvalidError,
} from "./runtime/errors.js";
export { type ExportFormat, exportDataset } from "./runtime/export/export-dataset.js";
export { exportHfDataset, type HfExport, type HfExportOptions } from "./runtime/export/hf-dataset.js";
export { writeRunData } from "./runtime/export/run-data-files.js";
export { JudgeRubric } from "./runtime/judge-rubric.js";
export { Budget } from "./runtime/models/budget.js";
export { callAgent } from "./runtime/models/call-agent.js";
export { ChatTurn, ToolCall } from "./runtime/models/chat-turn.js";
export { Gateway, type ModelGateway } from "./runtime/models/gateway.js";
export type { ModelAdapter } from "./runtime/models/model-adapter.js";
export { MODEL_ROLES, type ModelRole } from "./runtime/models/model-roles.js";
export { OpenAICompatibleAdapter, OpenAICompatibleGateway } from "./runtime/models/openai-adapter.js";
export { SimulatedAdapter } from "./runtime/models/simulated/simulated-adapter.js";
export type {
  CallRecord,
  DatasetRecord,
  Item,
  ItemStatus,
  RunCost,
  RunStore,
  RunSummary,
} from "./runtime/store/run-store.js";
export { openSqliteStore } from "./runtime/store/sqlite-store.js";
