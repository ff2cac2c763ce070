// Skills as data files: the built-in YAML files, a user's own file run end to end through the CLI and the
// library, and `skills --validate` reporting every mistake at its line.
import { readdirSync, readFileSync } from "node:fs";
import { copyFile, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BUILTIN_SKILL_FILES, SKILLS } from "../agents/index.js";
import { builtinSkillsDir } from "../agents/skill-files.js";
import { skillJsonSchema } from "../agents/write-skill-schema.js";
import { resolveRunConfig, runSkills } from "../index.js";
import { cliEnv, ROOT, runCli } from "./support/cli.js";
import { startTestServer, type TestServer } from "./support/openai-test-server.js";
import { readRecords } from "./support/records.js";

const EXAMPLE = join(ROOT, "examples", "skills", "glossary-qa.yaml");
let server: TestServer;
let work: string;

beforeAll(async () => {
  server = await startTestServer({ latencyMs: 1 });
  work = await mkdtemp(join(tmpdir(), "skill-files-"));
});
afterAll(async () => {
  await server.close();
});

describe("the built-in skill files", () => {
  it("are one YAML file per skill, each naming the committed JSON Schema, which matches the spec", () => {
    const dir = builtinSkillsDir();
    const files = readdirSync(dir).filter((name) => name.endsWith(".yaml"));
    expect(files.sort()).toEqual(BUILTIN_SKILL_FILES.map((name) => `${name}.yaml`).sort());
    expect(SKILLS).toHaveLength(17);
    for (const file of files) {
      expect(readFileSync(join(dir, file), "utf8").split("\n")[0]).toBe(
        "# yaml-language-server: $schema=./skill.schema.json",
      );
    }
    // Regenerate with `npm run schema` after changing agents/define-skill.ts.
    expect(readFileSync(join(dir, "skill.schema.json"), "utf8")).toBe(skillJsonSchema());
  });

  it("share no run of two prose lines between files (shared text lives once, in the engine)", () => {
    const dir = builtinSkillsDir();
    const seen = new Map<string, string>();
    const shared: string[] = [];
    for (const name of BUILTIN_SKILL_FILES) {
      const lines = readFileSync(join(dir, `${name}.yaml`), "utf8")
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line.length >= 40 && !line.startsWith("#"));
      const pairs = new Set(lines.slice(1).map((line, i) => `${lines[i]}\n${line}`));
      for (const pair of pairs) {
        const other = seen.get(pair);
        if (other && other !== name) shared.push(`${other} ~ ${name}: ${pair.slice(0, 100)}`);
        seen.set(pair, name);
      }
    }
    expect(shared).toEqual([]);
  });
});

describe("a skill of one's own", () => {
  it("runs from --skill-file end to end through the CLI; its records land in the split the file names", async () => {
    const file = join(work, "my-skill.yaml");
    await copyFile(EXAMPLE, file);
    const out = join(work, "cli-out");
    const env = cliEnv({ OPENAI_BASE_URL: server.url, OPENAI_API_KEY: "test-key" });
    const listed = await runCli(["skills", "--json", "--skill-file", file], { env });
    const entry = (JSON.parse(listed.stdout) as Array<Record<string, unknown>>).find((s) => s.id === "glossary-qa");
    expect(entry).toMatchObject({ source: file, builtin: false, split: "glossary_qa" });
    const builtin = (JSON.parse(listed.stdout) as Array<Record<string, unknown>>).find((s) => s.id === "rag");
    expect(builtin).toMatchObject({ source: join(builtinSkillsDir(), "rag.yaml"), builtin: true });

    const result = await runCli(
      ["run", "--skill-file", file, "--seeds", "seeds/sample", "--out", out, "--model", "openai:test-model"],
      { env },
    );
    expect(result.stderr).not.toContain("error:");
    expect(result.code).toBe(0);
    const records = await readRecords(out);
    expect(records.length).toBeGreaterThan(0);
    expect(new Set(records.map((record) => record.split))).toEqual(new Set(["glossary_qa"]));
    expect(new Set(records.map((record) => record.metadata.skill))).toEqual(new Set(["glossary-qa"]));
    const data = readFileSync(join(out, "data", "glossary_qa.jsonl"), "utf8")
      .trim()
      .split("\n");
    expect(data).toHaveLength(records.length);
    // The shared goal and the identity template came in by name.
    const goals = new Set(records.flatMap((record) => record.metadata.refinement.map((step) => step.goal)));
    for (const goal of goals) expect(["add_constraint", "use_in_context"]).toContain(goal);
  });

  it("runs from the library, as a file and as a spec object, beside a built-in", async () => {
    const spec = parse(readFileSync(EXAMPLE, "utf8"));
    for (const settings of [
      { skillFiles: [EXAMPLE] },
      { skills: [{ ...spec, id: "glossary-qa", split: "glossary_qa" }] },
    ]) {
      const config = resolveRunConfig(
        {
          ...settings,
          seeds: ["seeds/sample/the-printing-press.txt"],
          out: await mkdtemp(join(tmpdir(), "skill-lib-")),
          model: "openai:test-model",
          rounds: 1,
        },
        { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: "test-key" },
        ROOT,
      );
      const outcome = await runSkills(config);
      expect(outcome.summary.items.failed).toBe(0);
      const records = await readRecords(config.out);
      expect(records.length).toBeGreaterThan(0);
      expect(new Set(records.map((record) => record.split))).toEqual(new Set(["glossary_qa"]));
    }
  });

  it("refuses a skill whose id or split a built-in already has", async () => {
    const file = join(work, "clash.yaml");
    await writeFile(file, readFileSync(EXAMPLE, "utf8").replace("split: glossary_qa", "split: rc"));
    const result = await runCli(["skills", "--validate", file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/clash\.yaml:\d+:1: id: .*split rc.*already built-in skill reading-comprehension/);
  });
});

describe("skills --validate", () => {
  it("reports all three mistakes (four problems) of a file, each with its line, field path and what was expected", async () => {
    const text = readFileSync(EXAMPLE, "utf8")
      .replace("      definition: Asks what one term", "      defintion: Asks what one term")
      .replace("    - use: add_constraint", "    - use: add_constrain")
      .replace(
        "  task: Answer the question using the glossary above.",
        "  task: Answer {instruction} from the glossary.",
      );
    const file = join(work, "three-mistakes.yaml");
    await writeFile(file, text);
    const lineOf = (needle: string) => text.split("\n").findIndex((line) => line.includes(needle)) + 1;
    const result = await runCli(["skills", "--validate", file]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toContain(`${file}:${lineOf("defintion")}:7: instruct.types.0.defintion: unknown field "defintion"`);
    // A missing field is pointed at the mapping that lacks it.
    expect(lines).toContain(
      `${file}:${lineOf("name: define_term")}:7: instruct.types.0.definition: missing (expected string)`,
    );
    expect(lines.find((line) => line.startsWith(`${file}:${lineOf("add_constrain")}:7: refine.goals.0.use:`))).toMatch(
      /expected one of "add_constraint"/,
    );
    expect(lines).toContain(
      `${file}:${lineOf("task: Answer {instruction}")}:3: respond.task: unknown placeholder {instruction} (this text is shown as written and takes no placeholders)`,
    );
    expect(lines.at(-1)).toBe("4 problem(s)");
  });

  it("reports YAML syntax errors at their line, a missing required placeholder, and passes a good file", async () => {
    const broken = join(work, "broken.yaml");
    await writeFile(broken, "id: x\ntitle: [unclosed\n");
    const syntax = await runCli(["skills", "--validate", broken]);
    expect(syntax.code).toBe(1);
    expect(syntax.stdout).toMatch(/broken\.yaml:\d+:\d+: \(root\): Flow sequence/);

    const noInstruction = join(work, "no-instruction.yaml");
    await writeFile(noInstruction, `${readFileSync(EXAMPLE, "utf8")}userMessage: "{content}"\n`);
    const missing = await runCli(["skills", "--validate", noInstruction]);
    expect(missing.stdout).toMatch(/no-instruction\.yaml:\d+:1: userMessage: must show \{instruction\}/);

    const good = await runCli(["skills", "--validate", EXAMPLE]);
    expect(good.code).toBe(0);
    expect(good.stdout).toBe("ok: glossary-qa (split glossary_qa)\n");
  });

  it("refuses at run time, before any model call, with the same report", async () => {
    const file = join(work, "bad-run.yaml");
    await writeFile(
      file,
      readFileSync(EXAMPLE, "utf8").replace("shape: text", "shape: web_actions\n  tools: [calculator]"),
    );
    const before = server.requests.length;
    const result = await runCli(
      ["run", "--skill-file", file, "--seeds", "seeds/sample", "--out", join(work, "never"), "--model", "openai:m"],
      { env: cliEnv({ OPENAI_BASE_URL: server.url, OPENAI_API_KEY: "k" }) },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad-run\.yaml:\d+:\d+: respond\.tools: unknown field "tools"/);
    expect(server.requests.length).toBe(before);
  });
});
