// Writes agents/skill.schema.json, the JSON Schema of a skill file, from the spec itself (npm run schema).
// Every skill file names it on its first line, so editors complete and check the fields; a test keeps it current.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { SkillSpec } from "./define-skill.js";
import { builtinSkillsDir } from "./skill-files.js";

export function skillJsonSchema(): string {
  const schema = z.toJSONSchema(SkillSpec, { io: "input", unrepresentable: "any" });
  return `${JSON.stringify({ ...schema, title: "AgentInstruct skill file" }, null, 2)}\n`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"))) {
  writeFileSync(join(builtinSkillsDir(), "skill.schema.json"), skillJsonSchema());
}
