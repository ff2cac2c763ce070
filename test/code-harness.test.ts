// The Coding check: material, solution and tests run together in the real sandboxes, each test reported.
import { describe, expect, it } from "vitest";
import {
  harnessProgram,
  materialModule,
  moduleNameOf,
  programOf,
  toScript,
  withFileHeader,
} from "../graphs/code-harness.js";
import { executeCode, sandboxAvailability } from "../tools/code-execution/index.js";

const python = await sandboxAvailability().then((available) => available.python);
if (!python.ok) console.warn(`Python harness tests skipped: ${python.reason}`);

const fence = (language: string, code: string) => `\`\`\`${language}\n${code}\n\`\`\``;

async function check(content: string, answer: string) {
  const program = programOf(answer);
  if (!program) throw new Error("no program");
  const harness = harnessProgram(program.language, program.code, materialModule(content, program.language));
  const result = await executeCode({ language: program.language, code: harness.code });
  return { ...result, ...harness.read(result.stdout) };
}

const PY_MATERIAL = withFileHeader(
  `A small cache.\n\n${fence(
    "python",
    [
      "class LRUCache:",
      "    def __init__(self, size):",
      "        self.size = size",
      "        self.items = {}",
      "    def get(self, key):",
      "        return self.items.get(key)",
      "    def put(self, key, value):",
      "        self.items[key] = value",
      "",
      'if __name__ == "__main__":',
      '    raise SystemExit("the material\'s main block must not run on import")',
    ].join("\n"),
  )}`,
  "repo/src/lru_cache.py#0",
);

describe("the material's file line", () => {
  it("names the module after the seed file, only for material with runnable code", () => {
    expect(moduleNameOf("repo/src/lru_cache.py#0")).toBe("lru_cache");
    expect(moduleNameOf("notes/2024-plan.md#3")).toBe("_2024_plan");
    expect(moduleNameOf("lib/unittest.py#0")).toBe("material");
    expect(PY_MATERIAL.startsWith("File: lru_cache.py\n\n")).toBe(true);
    expect(withFileHeader("No code here.", "a.py#0")).toBe("No code here.");
    expect(withFileHeader(PY_MATERIAL, "other.py#0")).toBe(PY_MATERIAL);
    expect(materialModule(PY_MATERIAL, "python")?.name).toBe("lru_cache");
    expect(materialModule(PY_MATERIAL, "javascript")).toBeUndefined();
  });

  it("turns ES imports and exports into the harness's require", () => {
    const { code, exported } = toScript(
      [
        'import assert, { strict as strictAssert } from "node:assert";',
        'import * as cache from "./lru_cache.js";',
        "export function put(key) {}",
        "export const size = 3;",
        "export { put as set };",
      ].join("\n"),
    );
    expect(code).toContain('const assert = __ai_default(__ai_require("node:assert"));');
    expect(code).toContain('const { strict: strictAssert } = __ai_require("node:assert");');
    expect(code).toContain('const cache = __ai_require("./lru_cache.js");');
    expect(code).not.toMatch(/\bexport\b/);
    expect(exported).toEqual(["set:put", "put", "size"]);
  });
});

describe.skipIf(!python.ok)("Python answers", () => {
  it("a test importing the material passes; a pytest-style failing assert fails the run, per test", async () => {
    const answer = fence(
      "python",
      [
        "from lru_cache import LRUCache",
        "",
        "def test_put_then_get():",
        "    cache = LRUCache(2)",
        '    cache.put("a", 1)',
        '    assert cache.get("a") == 1',
        "",
        "def test_wrong():",
        "    assert 1 == 2",
      ].join("\n"),
    );
    const run = await check(PY_MATERIAL, answer);
    expect(run.exitCode).toBe(1);
    expect(run.tests).toEqual([
      { name: "test_put_then_get", status: "passed" },
      { name: "test_wrong", status: "failed", message: "AssertionError at answer.py:9: assert 1 == 2" },
    ]);
    expect(run.stderr).toContain("assert 1 == 2");
  });

  it("runs unittest cases itself (unittest.main() does not exit first) and fails on a top-level assert", async () => {
    const cases = fence(
      "python",
      [
        "import unittest",
        "from lru_cache import LRUCache",
        "class CacheTest(unittest.TestCase):",
        "    def test_get_missing(self):",
        '        self.assertIsNone(LRUCache(1).get("x"))',
        "    def test_size(self):",
        "        self.assertEqual(LRUCache(3).size, 4)",
        'if __name__ == "__main__":',
        "    unittest.main()",
      ].join("\n"),
    );
    const run = await check(PY_MATERIAL, cases);
    expect(run.exitCode).toBe(1);
    expect(run.tests.map(({ name, status }) => `${name}:${status}`)).toEqual([
      "CacheTest.test_get_missing:passed",
      "CacheTest.test_size:failed",
    ]);

    const top = await check(PY_MATERIAL, fence("python", 'print("checking")\nassert 2 + 2 == 5, "arithmetic"'));
    expect(top.exitCode).toBe(1);
    expect(top.stdout).toContain("checking");
    expect(top.tests).toEqual([{ name: "(top level)", status: "failed", message: "AssertionError: arithmetic" }]);

    const passing = await check(
      PY_MATERIAL,
      fence("python", "from lru_cache import LRUCache\nassert LRUCache(2).size == 2"),
    );
    expect(passing.exitCode).toBe(0);
    expect(passing.tests).toEqual([]);
  });

  it("says why when a test imports a module that is not there", async () => {
    const run = await check("Plain notes.", fence("python", "from lru_cache import LRUCache\ndef test_x():\n    pass"));
    expect(run.exitCode).toBe(1);
    expect(run.tests[0]).toMatchObject({ name: "(top level)", status: "error" });
    expect(run.tests[0]?.message).toContain("No module named 'lru_cache'");
  });
});

describe("JavaScript answers", () => {
  const material = withFileHeader(
    fence(
      "javascript",
      [
        "export function add(a, b) {",
        "  return a + b;",
        "}",
        "export class Counter { constructor() { this.n = 0; } }",
      ].join("\n"),
    ),
    "src/math-utils.js#0",
  );

  it("imports the material, runs test_ functions and node:test cases with node:assert, each reported", async () => {
    const answer = fence(
      "js",
      [
        '"use strict";',
        'import assert from "node:assert";',
        'import { test } from "node:test";',
        'import { add, Counter } from "./math_utils.js";',
        "function test_add() { assert.strictEqual(add(2, 3), 5); }",
        "const test_counter = () => assert.deepStrictEqual(new Counter().n, 0);",
        'test("add is wrong on purpose", () => { assert.equal(add(1, 1), 3); });',
        'test("async passes", async () => { await Promise.resolve(); assert.ok(true); });',
      ].join("\n"),
    );
    const run = await check(material, answer);
    expect(run.exitCode).toBe(1);
    expect(run.tests.map(({ name, status }) => `${name}:${status}`)).toEqual([
      "add is wrong on purpose:failed",
      "async passes:passed",
      "test_add:passed",
      "test_counter:passed",
    ]);
    expect(run.stderr).toContain("2 == 3");
  });

  it("passes when every check passes, and a top-level failure fails the run", async () => {
    const ok = await check(
      material,
      fence(
        "js",
        'const assert = require("assert");\nconst { add } = require("./math_utils");\nassert.equal(add(1, 2), 3);',
      ),
    );
    expect(ok.exitCode).toBe(0);
    const bad = await check(
      material,
      fence("js", 'const assert = require("node:assert");\nassert.deepStrictEqual([1], [2]);'),
    );
    expect(bad.exitCode).toBe(1);
    expect(bad.tests).toMatchObject([{ name: "(top level)", status: "failed" }]);
  });
});
