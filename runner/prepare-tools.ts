// Give the run's agents the tools its skills ask for, built once per run: corpus search (its index saved
// beside the run store and reused on resume), web search when a provider key is set, and code execution
// in the sandbox.
import type { SkillSpec } from "../agents/define-skill.js";
import type { RunConfig } from "../runtime/config.js";
import type { RunStore } from "../runtime/store/run-store.js";
import type { AgentTools } from "../tools/agent-tools.js";
import { CorpusSearch, seedSetFingerprint } from "../tools/corpus-search.js";

export function needsCorpusSearch(skills: readonly SkillSpec[]): boolean {
  return skills.some(
    (skill) =>
      skill.respond.retrieve > 0 || skill.respond.tools.includes("search_corpus") || Boolean(skill.transform.expand),
  );
}

function needsCodeExecution(skills: readonly SkillSpec[]): boolean {
  return skills.some((skill) => skill.respond.verifyCode || skill.respond.tools.includes("execute_code"));
}

export async function prepareTools(
  config: RunConfig,
  skills: readonly SkillSpec[],
  store: RunStore,
): Promise<AgentTools> {
  const tools: AgentTools = {};
  if (needsCorpusSearch(skills)) {
    const ids: string[] = [];
    for await (const seed of store.seeds()) ids.push(seed.id);
    const { search } = await CorpusSearch.open({
      dir: config.out,
      fingerprint: seedSetFingerprint(ids),
      seeds: () => store.seeds(),
      text: async (id) => (await store.getSeed(id))?.text,
    });
    tools.search = search;
  }
  if (config.tools.webSearch) tools.webSearch = config.tools.webSearch;
  if (needsCodeExecution(skills)) tools.code = { allowUnsandboxed: config.tools.allowUnsandboxed };
  return tools;
}
