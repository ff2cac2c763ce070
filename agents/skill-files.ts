// Skill files: a skill as a YAML file, checked by the same spec as any skill, with every problem reported at its
// line. The 17 built-in skills are such files in this folder; users pass their own with --skill-file.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Document, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import { EngineError } from "../runtime/errors.js";
import { checkSkill, type SkillProblem, type SkillSpec } from "./define-skill.js";

/** A problem in a skill file, where a person finds it: file, line and column (1-based), field path. */
export interface FileProblem extends SkillProblem {
  file: string;
  line: number;
  column: number;
}

export const formatFileProblem = (problem: FileProblem) =>
  `${problem.file}:${problem.line}:${problem.column}: ${problem.path.map(String).join(".") || "(root)"}: ${problem.message}`;

export class SkillFileError extends EngineError {
  readonly kind = "skill";
  constructor(readonly problems: FileProblem[]) {
    const files = [...new Set(problems.map((problem) => problem.file))];
    super(`invalid skill file ${files.join(", ")}:\n  ${problems.map(formatFileProblem).join("\n  ")}`);
    this.name = "SkillFileError";
  }
}

export const SKILL_FILE_EXTENSIONS = [".yaml", ".yml"];

/** Where each loaded skill came from, for `skills --json` and error messages. */
const sources = new WeakMap<SkillSpec, string>();
export const skillSource = (spec: SkillSpec): string | undefined => sources.get(spec);

/** Parse and check one skill file's text: the skill, or every problem found (YAML syntax first, then the spec). */
export function parseSkillFile(text: string, file: string): { spec?: SkillSpec; problems: FileProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => ({
        file,
        ...at(error.pos[0]),
        path: [],
        message: error.message.split("\n")[0] ?? "",
      })),
    };
  }
  const { spec, problems } = checkSkill(doc.toJS());
  const located = problems.map((problem): FileProblem => ({ file, ...at(offsetOf(doc, problem.path)), ...problem }));
  return spec ? { spec, problems: [] } : { problems: located };
}

/**
 * Where a field path points in the file: the field's key when it is there, else the deepest mapping or list
 * the path reaches (the one that lacks the field).
 */
function offsetOf(doc: Document, path: Array<string | number>): number {
  for (let depth = path.length; depth > 0; depth--) {
    const parent = doc.getIn(path.slice(0, depth - 1), true);
    const last = path[depth - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
      if (pair && isNode(pair.key) && pair.key.range) return pair.key.range[0];
    } else if (isSeq(parent) && typeof last === "number") {
      const item = parent.items[last];
      if (isNode(item) && item.range) return item.range[0];
    }
  }
  return isNode(doc.contents) && doc.contents.range ? doc.contents.range[0] : 0;
}

/** Load one skill file; throws SkillFileError with every problem, or an EngineError when it cannot be read. */
export function readSkillFile(path: string): SkillSpec {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new SkillFileError([
      { file, line: 1, column: 1, path: [], message: `cannot read: ${(error as Error).message}` },
    ]);
  }
  const { spec, problems } = parseSkillFile(text, file);
  if (!spec) throw new SkillFileError(problems);
  sources.set(spec, file);
  return spec;
}

/** The skill files a path names: the file itself, or the .yaml/.yml files of a directory, in name order. */
export function skillFilesAt(path: string): string[] {
  const full = resolve(path);
  if (existsSync(full) && statSync(full).isDirectory()) {
    return readdirSync(full)
      .filter((name) => SKILL_FILE_EXTENSIONS.some((ext) => name.endsWith(ext)))
      .sort()
      .map((name) => join(full, name));
  }
  return [full];
}

/** The folder of the built-in skill files, from the sources (tests) or from dist/ (the built package). */
export function builtinSkillsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [here, join(here, "..", "..", "agents")];
  const found = candidates.find((dir) => existsSync(join(dir, "skill.schema.json")));
  if (!found) throw new Error(`the built-in skill files are missing (looked in ${candidates.join(", ")})`);
  return found;
}
