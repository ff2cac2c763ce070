// Response generation, one module per `respond.shape`: free text (with conversation follow-ups and code
// verification), web action sequences, and tool-calling conversations. All tool use goes through the one
// tool loop (runtime/models/use-tools.ts).
import type { SkillSpec } from "../../agents/define-skill.js";
import type { Responder } from "./responder-env.js";
import { respondText } from "./text.js";
import { respondWithTools } from "./tool-calls.js";
import { respondWebActions } from "./web-actions.js";

export type { Responder, ResponderEnv, RespondTask } from "./responder-env.js";
export { elementIds } from "./web-actions.js";

export const RESPONDERS: Record<SkillSpec["respond"]["shape"], Responder> = {
  text: respondText,
  web_actions: respondWebActions,
  tool_calls: respondWithTools,
};
