// The skill catalog: the built-in skill files of this folder, in the paper's order, and the skills a run adds
// from its own files or spec objects.
import { join, resolve } from "node:path";
import { ConfigError } from "../runtime/errors.js";
import { defineSkill, type SkillSpec, type SkillSpecInput } from "./define-skill.js";
import {
  builtinSkillsDir,
  type FileProblem,
  readSkillFile,
  SkillFileError,
  skillFilesAt,
  skillSource,
} from "./skill-files.js";

/** The built-in skill files (agents/<name>.yaml), in the paper's order. */
export const BUILTIN_SKILL_FILES = [
  "reading-comprehension",
  "open-domain-qa",
  "text-modification",
  "web-agent",
  "brain-teaser",
  "analytical-reasoning",
  "multiple-choice",
  "data-to-text",
  "fermi",
  "coding",
  "text-extraction",
  "text-classification",
  "rag",
  "tool-use",
  "creative-content",
  "few-shot-reasoning",
  "conversation",
] as const;

export const SKILLS: readonly SkillSpec[] = BUILTIN_SKILL_FILES.map((name) =>
  readSkillFile(join(builtinSkillsDir(), `${name}.yaml`)),
);

/** Find a skill by id or split name, among the built-ins and the given extra skills. */
export function findSkill(name: string, extra: readonly SkillSpec[] = []): SkillSpec | undefined {
  return [...extra, ...SKILLS].find((skill) => skill.id === name || skill.split === name);
}

/**
 * The extra skills of a run: spec objects are checked like files; an id or split that a built-in (or another
 * extra skill) already has is an error, since records and resumes are keyed by them.
 */
export function userSkills(specs: ReadonlyArray<SkillSpec | SkillSpecInput>, files: readonly string[]): SkillSpec[] {
  const skills = [...files.map((file) => readSkillFile(file)), ...specs.map((spec) => defineSkill(spec))];
  const taken = new Map(SKILLS.map((skill) => [skill.id, "a built-in skill"]));
  for (const skill of SKILLS) taken.set(`split:${skill.split}`, `built-in skill ${skill.id}`);
  for (const skill of skills) {
    const where = skillSource(skill) ?? "a spec object";
    const clash = taken.get(skill.id) ?? taken.get(`split:${skill.split}`);
    if (clash) {
      throw new ConfigError(
        `skill ${skill.id} (split ${skill.split}) from ${where}: that id or split is already ${clash}; give it its own id and split`,
      );
    }
    taken.set(skill.id, `skill ${skill.id} from ${where}`);
    taken.set(`split:${skill.split}`, `skill ${skill.id} from ${where}`);
  }
  return skills;
}

/**
 * Resolve `--skills` values: ids or split names, comma-separated or repeated, or `all` (the built-ins and the
 * extra skills). Unknown names are reported together with the known ones.
 */
export function resolveSkills(names: string[], extra: readonly SkillSpec[] = []): SkillSpec[] {
  const wanted = names
    .flatMap((name) => name.split(","))
    .map((name) => name.trim())
    .filter(Boolean);
  if (wanted.includes("all")) return [...SKILLS, ...extra];
  const unknown = wanted.filter((name) => !findSkill(name, extra));
  if (unknown.length > 0) {
    const known = [...SKILLS, ...extra].map((skill) => `${skill.id} (${skill.split})`).join(", ");
    throw new ConfigError(`unknown skill(s): ${unknown.join(", ")}. Known: ${known}, or "all".`);
  }
  const chosen = wanted.map((name) => findSkill(name, extra) as SkillSpec);
  return chosen.filter((skill, index) => chosen.indexOf(skill) === index);
}

export { defineSkill, type SkillSpec } from "./define-skill.js";

/** What `skills --json` prints: each skill with the names of its agents and the file it came from. */
export function skillCatalog(skills: readonly SkillSpec[]) {
  return skills.map((skill) => ({
    id: skill.id,
    title: skill.title,
    split: skill.split,
    source: skillSource(skill) ?? "(spec object)",
    builtin: SKILLS.includes(skill),
    seedKinds: skill.seedKinds,
    transformations: skill.transform.agents.map((agent) => agent.name),
    instructionTypes: skill.instruct.types.map((type) => type.name),
    refinementGoals: skill.refine.goals.map((goal) => goal.name),
  }));
}

/** What a run names as its skills: ids and names, spec objects, files that always run, folders to name from. */
export interface SkillChoice {
  skills: ReadonlyArray<string | object>;
  skillFiles: readonly string[];
  skillDirs: readonly string[];
}

/**
 * The skills a run runs: every skill file and spec object it was given, and the skills its names choose among
 * the built-ins and the skill folders. Throws ConfigError or SkillFileError before anything else happens.
 */
export function chooseSkills(choice: SkillChoice): SkillSpec[] {
  const given = [...new Set(choice.skillFiles.map((file) => resolve(file)))];
  const named = [...new Set(choice.skillDirs.flatMap(skillFilesAt))].filter((file) => !given.includes(file));
  const specs = choice.skills.filter((skill): skill is SkillSpecInput => typeof skill !== "string");
  const extra = userSkills(specs, [...given, ...named]);
  const always = extra.filter((skill) => !named.includes(skillSource(skill) ?? ""));
  const names = choice.skills.filter((skill): skill is string => typeof skill === "string");
  const chosen = [...always, ...(names.length > 0 ? resolveSkills(names, extra) : [])];
  if (chosen.length === 0) {
    throw new ConfigError("no skill to run: name one with --skills (see `agentinstruct skills`), or pass --skill-file");
  }
  return chosen.filter((skill, index) => chosen.indexOf(skill) === index);
}

/** `skills --validate`: every problem of every skill file at these paths (files or folders), none thrown. */
export function validateSkillFiles(paths: readonly string[]): { valid: SkillSpec[]; problems: FileProblem[] } {
  const valid: SkillSpec[] = [];
  const problems: FileProblem[] = [];
  for (const file of paths.flatMap(skillFilesAt)) {
    try {
      valid.push(...userSkills([], [file]));
    } catch (error) {
      if (error instanceof SkillFileError) problems.push(...error.problems);
      else if (error instanceof ConfigError) {
        problems.push({ file, line: 1, column: 1, path: ["id"], message: error.message });
      } else throw error;
    }
  }
  return { valid, problems };
}
