// The taxonomies a run's diversity is measured against: each skill's transformations, instruction types and
// refinement goals, from the configuration the run keeps in its store (a skill file's spec object, so a run's own
// skills count against their own names), the built-ins for any skill it does not name.
import { defineSkill, type SkillSpecInput } from "../agents/define-skill.js";
import { findSkill, SKILLS, type SkillSpec } from "../agents/index.js";
import type { Taxonomy } from "../runtime/dataset/diversity.js";
import type { RunStore } from "../runtime/store/run-store.js";

export function taxonomyOf(skill: SkillSpec): Taxonomy {
  return {
    transformations: skill.transform.agents.map((agent) => agent.name),
    instructionTypes: skill.instruct.types.map((type) => type.name),
    refinementGoals: skill.refine.goals.map((goal) => goal.name),
  };
}

/** A stored spec object as a skill; one this version cannot read leaves its taxonomy unknown (coverage null). */
function definedSkill(input: SkillSpecInput): SkillSpec | undefined {
  try {
    return defineSkill(input);
  } catch {
    return undefined;
  }
}

/** Taxonomies by skill id. */
export async function runTaxonomies(store: RunStore): Promise<Map<string, Taxonomy>> {
  const taxonomies = new Map(SKILLS.map((skill) => [skill.id, taxonomyOf(skill)]));
  const raw = await store.getMeta("run_settings");
  const skills = raw ? ((JSON.parse(raw) as { skills?: Array<string | SkillSpecInput> }).skills ?? []) : [];
  for (const entry of skills) {
    const skill = typeof entry === "string" ? findSkill(entry) : definedSkill(entry);
    if (skill) taxonomies.set(skill.id, taxonomyOf(skill));
  }
  return taxonomies;
}
