// The skill catalog. Adding a skill = one new file in this folder plus one line here.
import { ConfigError } from "../runtime/errors.js";
import analyticalReasoning from "./analytical-reasoning.js";
import brainTeaser from "./brain-teaser.js";
import coding from "./coding.js";
import conversation from "./conversation.js";
import creativeContent from "./creative-content.js";
import dataToText from "./data-to-text.js";
import type { SkillSpec } from "./define-skill.js";
import fermi from "./fermi.js";
import fewShotReasoning from "./few-shot-reasoning.js";
import multipleChoice from "./multiple-choice.js";
import openDomainQa from "./open-domain-qa.js";
import rag from "./rag.js";
import readingComprehension from "./reading-comprehension.js";
import textClassification from "./text-classification.js";
import textExtraction from "./text-extraction.js";
import textModification from "./text-modification.js";
import toolUse from "./tool-use.js";
import webAgent from "./web-agent.js";

/** In the paper's order. */
export const SKILLS: readonly SkillSpec[] = [
  readingComprehension,
  openDomainQa,
  textModification,
  webAgent,
  brainTeaser,
  analyticalReasoning,
  multipleChoice,
  dataToText,
  fermi,
  coding,
  textExtraction,
  textClassification,
  rag,
  toolUse,
  creativeContent,
  fewShotReasoning,
  conversation,
];

/** Find a skill by id or split name. */
export function findSkill(name: string): SkillSpec | undefined {
  return SKILLS.find((skill) => skill.id === name || skill.split === name);
}

/**
 * Resolve `--skills` values: ids or split names, comma-separated or repeated, or `all`.
 * Unknown names are reported together with the known ones.
 */
export function resolveSkills(names: string[]): SkillSpec[] {
  const wanted = names
    .flatMap((name) => name.split(","))
    .map((name) => name.trim())
    .filter(Boolean);
  if (wanted.includes("all")) return [...SKILLS];
  const unknown = wanted.filter((name) => !findSkill(name));
  if (unknown.length > 0) {
    const known = SKILLS.map((skill) => `${skill.id} (${skill.split})`).join(", ");
    throw new ConfigError(`unknown skill(s): ${unknown.join(", ")}. Known: ${known}, or "all".`);
  }
  const chosen = wanted.map((name) => findSkill(name) as SkillSpec);
  return chosen.filter((skill, index) => chosen.indexOf(skill) === index);
}

export { defineSkill, type SkillSpec } from "./define-skill.js";

/** What `skills --json` prints: each skill with the names of its agents. */
export function skillCatalog(skills: readonly SkillSpec[]) {
  return skills.map((skill) => ({
    id: skill.id,
    title: skill.title,
    split: skill.split,
    seedKinds: skill.seedKinds,
    transformations: skill.transform.agents.map((agent) => agent.name),
    instructionTypes: skill.instruct.types.map((type) => type.name),
    refinementGoals: skill.refine.goals.map((goal) => goal.name),
  }));
}
