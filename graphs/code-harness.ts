// The program that checks a Coding answer: the material (importable as a module named after its source file),
// then the answer's solution and tests, then a runner that calls every top-level test function and unittest /
// node:test case and reports each one. A failing assert anywhere, at top level or in a test, fails the run.
import { randomBytes } from "node:crypto";
import { basename } from "node:path";

export type HarnessLanguage = "python" | "javascript";

export interface TestResult {
  name: string;
  status: "passed" | "failed" | "error";
  message?: string;
}

const RUNNABLE: Record<string, HarnessLanguage> = {
  python: "python",
  py: "python",
  python3: "python",
  javascript: "javascript",
  js: "javascript",
  node: "javascript",
  mjs: "javascript",
};

const EXTENSION: Record<HarnessLanguage, string> = { python: "py", javascript: "js" };

function codeBlocks(text: string): Array<{ language: HarnessLanguage | undefined; code: string }> {
  return [...text.matchAll(/```([\w+-]*)[^\n]*\n([\s\S]*?)```/g)].map((match) => ({
    language: RUNNABLE[(match[1] ?? "").toLowerCase()],
    code: match[2] ?? "",
  }));
}

/** The program in an answer: its fenced blocks of the first runnable language, in order (solution, then tests). */
export function programOf(answer: string): { language: HarnessLanguage; code: string } | undefined {
  const blocks = codeBlocks(answer);
  const language = blocks.find((block) => block.language)?.language;
  if (!language) return undefined;
  const code = blocks.filter((block) => block.language === language).map((block) => block.code);
  return { language, code: code.join("\n\n") };
}

/** The module name a source file's code is importable as: `src/lru_cache.py#0` → `lru_cache`. */
export function moduleNameOf(source: string): string {
  const file = basename(source.replace(/(:\d+)?#\d+$/, "")).replace(/\.[^.]*$/, "");
  const name = file.replace(/[^A-Za-z0-9_]/g, "_").replace(/^(?=\d)/, "_");
  return /^[A-Za-z_]\w*$/.test(name) && !RESERVED.has(name) ? name : "material";
}

// Names a material module must not shadow: the harness's own imports and the test runners.
const RESERVED = new Set(["json", "sys", "traceback", "types", "unittest", "assert", "test", "main", "answer"]);

const HEADER = /^File: ([A-Za-z_]\w*)\.(py|js)\n/;

/**
 * The material with its file line, so the instruct agent, the teacher and the record's user turn all see the
 * module the answer may import. Only material with Python or JavaScript code gets one.
 */
export function withFileHeader(content: string, source: string): string {
  if (HEADER.test(content)) return content;
  const language = codeBlocks(content).find((block) => block.language)?.language;
  if (!language) return content;
  return `File: ${moduleNameOf(source)}.${EXTENSION[language]}\n\n${content}`;
}

/** The material's code in `language`, as the module its file line names. */
export function materialModule(content: string, language: HarnessLanguage): { name: string; code: string } | undefined {
  const header = HEADER.exec(content);
  if (!header?.[1]) return undefined;
  const code = codeBlocks(content)
    .filter((block) => block.language === language)
    .map((block) => block.code);
  return code.length ? { name: header[1], code: code.join("\n\n") } : undefined;
}

export interface Harness {
  code: string;
  /** Split the run's stdout into what the program printed and the per-test results. */
  read(stdout: string): { stdout: string; tests: TestResult[] };
}

/** The checking program for an answer's code in `language`, with the material module when there is one. */
export function harnessProgram(
  language: HarnessLanguage,
  answerCode: string,
  material: { name: string; code: string } | undefined,
): Harness {
  // A fresh marker per run, so nothing the answer prints can pass for the harness's report.
  const marker = `@@agentinstruct-tests-${randomBytes(6).toString("hex")}@@`;
  const code =
    language === "python"
      ? pythonHarness(marker, answerCode, material)
      : javascriptHarness(marker, answerCode, material);
  return {
    code,
    read(stdout) {
      const at = stdout.lastIndexOf(`${marker} `);
      if (at < 0) return { stdout, tests: [] };
      const line = stdout.slice(at + marker.length + 1).split("\n", 1)[0] ?? "[]";
      let tests: TestResult[] = [];
      try {
        tests = JSON.parse(line) as TestResult[];
      } catch {
        // A report cut short by the output limit: the exit code still tells pass from fail.
      }
      // The harness put one newline before its report.
      return { stdout: stdout.slice(0, at).replace(/\n$/, ""), tests };
    },
  };
}

/** A JSON string is a valid Python string literal; it carries any text into the program unchanged. */
const literal = (text: string) => JSON.stringify(text);

function pythonHarness(marker: string, answer: string, material: { name: string; code: string } | undefined): string {
  return `import json as _ai_json, linecache as _ai_lines, sys as _ai_sys, traceback as _ai_tb, types as _ai_types, unittest as _ai_unittest

_ai_results = []

def _ai_compile(source, filename):
    # Registered with linecache, so tracebacks show the failing line of the answer or the material.
    _ai_lines.cache[filename] = (len(source), None, source.splitlines(True), filename)
    return compile(source, filename, "exec")

def _ai_load(name, source):
    module = _ai_types.ModuleType(name)
    module.__file__ = name + ".py"
    _ai_sys.modules[name] = module
    try:
        exec(_ai_compile(source, module.__file__), module.__dict__)
    except BaseException as error:
        del _ai_sys.modules[name]
        print(f"[harness] the material could not be loaded as module {name}: {type(error).__name__}: {error}", file=_ai_sys.stderr)

${material ? `_ai_load(${literal(material.name)}, ${literal(material.code)})` : ""}

def _ai_record(name, error):
    if error is None:
        _ai_results.append({"name": name, "status": "passed"})
        return
    status = "failed" if isinstance(error, AssertionError) else "error"
    message = f"{type(error).__name__}: {error}"
    if not str(error):
        frames = _ai_tb.extract_tb(error.__traceback__)
        if frames:
            message = f"{type(error).__name__} at {frames[-1].filename}:{frames[-1].lineno}: {frames[-1].line}"
    _ai_results.append({"name": name, "status": status, "message": message[:500]})
    print(f"[harness] {name} {status}:", file=_ai_sys.stderr)
    _ai_tb.print_exception(error, file=_ai_sys.stderr)

# The harness runs the tests itself, so unittest.main() in the answer must not exit first.
_ai_unittest.main = lambda *args, **kwargs: None
_ai_ns = {"__name__": "__main__"}
_ai_top = True
try:
    exec(_ai_compile(${literal(answer)}, "answer.py"), _ai_ns)
except SystemExit as error:
    if error.code not in (None, 0):
        _ai_record("(top level)", AssertionError(f"the program exited with {error.code}"))
        _ai_top = False
except BaseException as error:
    _ai_record("(top level)", error)
    _ai_top = False

if _ai_top:
    for _ai_name, _ai_value in list(_ai_ns.items()):
        if _ai_name.startswith("test") and isinstance(_ai_value, _ai_types.FunctionType):
            try:
                _ai_value()
                _ai_record(_ai_name, None)
            except BaseException as error:
                _ai_record(_ai_name, error)

    class _AiResult(_ai_unittest.TestResult):
        def _name(self, test):
            return type(test).__name__ + "." + test._testMethodName
        def addSuccess(self, test):
            _ai_record(self._name(test), None)
        def addFailure(self, test, err):
            _ai_record(self._name(test), err[1])
        def addError(self, test, err):
            _ai_record(getattr(test, "_testMethodName", None) and self._name(test) or str(test), err[1])

    _ai_suite = _ai_unittest.TestSuite()
    for _ai_value in list(_ai_ns.values()):
        if isinstance(_ai_value, type) and issubclass(_ai_value, _ai_unittest.TestCase) and _ai_value is not _ai_unittest.TestCase:
            _ai_suite.addTests(_ai_unittest.TestLoader().loadTestsFromTestCase(_ai_value))
    _ai_suite.run(_AiResult())

_ai_sys.stdout.flush()
print("\\n" + ${literal(marker)} + " " + _ai_json.dumps(_ai_results), flush=True)
_ai_sys.exit(0 if _ai_top and all(result["status"] == "passed" for result in _ai_results) else 1)
`;
}

// Names a JavaScript answer may define as tests: `function test_x()`, `const testX = () =>`.
const JS_TEST_NAMES = /^[ \t]*(?:export\s+)?(?:async\s+)?(?:function\s*\*?\s*|(?:const|let|var)\s+)(test\w*)\b/gm;
const JS_DECLARED =
  /^(?:export\s+)?(?:default\s+)?(?:async\s+)?(?:function\s*\*?\s*|class\s+|(?:const|let|var)\s+)([A-Za-z_$][\w$]*)/gm;

/**
 * QuickJS runs scripts, not modules: ES `import` lines become `require` calls of the harness, and `export`
 * keywords are dropped (the names they exported are kept as the module's exports).
 */
export function toScript(code: string): { code: string; exported: string[] } {
  const exported: string[] = [];
  let script = code.replace(
    /^[ \t]*import\s+(?:([\w$]+)\s*,?\s*)?(?:\*\s+as\s+([\w$]+)|\{([^}]*)\})?\s*from\s*(["'])([^"']+)\4\s*;?/gm,
    (_line, defaultName?: string, namespace?: string, names?: string, _quote?: string, from?: string) => {
      const module = `__ai_require(${JSON.stringify(from)})`;
      const parts: string[] = [];
      if (defaultName) parts.push(`const ${defaultName} = __ai_default(${module});`);
      if (namespace) parts.push(`const ${namespace} = ${module};`);
      if (names !== undefined) {
        const fields = names
          .split(",")
          .map((name) => name.trim())
          .filter(Boolean)
          .map((name) => name.replace(/^([\w$]+)\s+as\s+([\w$]+)$/, "$1: $2"));
        parts.push(`const { ${fields.join(", ")} } = ${module};`);
      }
      return parts.join(" ");
    },
  );
  script = script.replace(/^[ \t]*import\s*(["'])([^"']+)\1\s*;?/gm, (_line, _quote, from) => {
    return `__ai_require(${JSON.stringify(from)});`;
  });
  script = script.replace(/^[ \t]*export\s*\{([^}]*)\}\s*;?/gm, (_line, names: string) => {
    for (const name of names.split(",")) {
      const [local, as] = name.trim().split(/\s+as\s+/);
      if (local) exported.push(as ? `${as}:${local}` : local);
    }
    return "";
  });
  script = script.replace(/^([ \t]*)export\s+default\s+(?=(?:async\s+)?function|class)/gm, "$1");
  script = script.replace(/^([ \t]*)export\s+default\s+/gm, "$1module.exports.default = ");
  for (const match of script.matchAll(
    /^[ \t]*export\s+(?:async\s+)?(?:function\s*\*?\s*|class\s+|(?:const|let|var)\s+)([\w$]+)/gm,
  )) {
    if (match[1]) exported.push(match[1]);
  }
  script = script.replace(/^([ \t]*)export\s+/gm, "$1");
  return { code: script, exported };
}

function javascriptHarness(
  marker: string,
  answer: string,
  material: { name: string; code: string } | undefined,
): string {
  const script = toScript(answer);
  const tests = [...new Set([...answer.matchAll(JS_TEST_NAMES)].map((match) => match[1] as string))];
  // Tests are found by name inside the answer's own scope, so `"use strict"`, let and const do not hide them.
  const collect = `;\n__ai_found({ ${tests.map((name) => `${JSON.stringify(name)}: typeof ${name} === "function" ? ${name} : undefined`).join(", ")} });`;
  let moduleSource = "";
  if (material) {
    const converted = toScript(material.code);
    const names = converted.exported.length
      ? converted.exported
      : [...new Set([...material.code.matchAll(JS_DECLARED)].map((match) => match[1] as string))];
    const exports = names
      .map((name) => {
        const [as, local] = name.includes(":") ? name.split(":") : [name, name];
        return `if (typeof ${local} !== "undefined" && !(${JSON.stringify(as)} in module.exports)) module.exports[${JSON.stringify(as)}] = ${local};`;
      })
      .join("\n");
    moduleSource = `${converted.code}\n;${exports}`;
  }
  return `${JS_RUNTIME}
__ai_define(${JSON.stringify(material?.name ?? "")}, ${JSON.stringify(moduleSource)});
try {
  (0, eval)(${JSON.stringify(script.code + collect)});
} catch (error) {
  __ai_top(error);
}
__ai_run(${JSON.stringify(marker)});
`;
}

// The harness's runtime inside QuickJS: require() for the material, node:assert and node:test; the test registry.
const JS_RUNTIME = String.raw`
var __ai_state = { modules: Object.create(null), tests: [], top: undefined, prefix: "" };
function __ai_default(module) { return module && module.default !== undefined ? module.default : module; }
function __ai_key(name) { return String(name).replace(/^\.\//, "").replace(/\.(c|m)?js$/, ""); }
function __ai_require(name) {
  var key = __ai_key(name);
  if (key in __ai_state.modules) return __ai_state.modules[key];
  throw new Error("Cannot find module '" + name + "': the sandbox has the material, node:assert and node:test only");
}
var require = __ai_require;
function __ai_define(name, source) {
  if (!name) return;
  var module = { exports: {} };
  try {
    new Function("module", "exports", "require", source)(module, module.exports, __ai_require);
    __ai_state.modules[name] = module.exports;
  } catch (error) {
    console.error("[harness] the material could not be loaded as module " + name + ": " + error);
  }
}
function AssertionError(message) {
  var error = new Error(message);
  error.name = "AssertionError";
  Object.setPrototypeOf(error, AssertionError.prototype);
  return error;
}
AssertionError.prototype = Object.create(Error.prototype);
AssertionError.prototype.constructor = AssertionError;
AssertionError.prototype.name = "AssertionError";
function __ai_show(value) { try { return typeof value === "string" ? JSON.stringify(value) : String(JSON.stringify(value) ?? value); } catch (e) { return String(value); } }
function __ai_fail(message, fallback) {
  if (message instanceof Error) throw message;
  throw AssertionError(message === undefined ? fallback : message);
}
function __ai_deep(a, b, strict) {
  if (strict ? Object.is(a, b) : a == b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (var entry of a) if (!b.has(entry[0]) || !__ai_deep(entry[1], b.get(entry[0]), strict)) return false;
    return true;
  }
  if (a instanceof Set && b instanceof Set) {
    if (a.size !== b.size) return false;
    for (var item of a) if (!b.has(item)) return false;
    return true;
  }
  var keysA = Object.keys(a), keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (var key of keysA) if (!Object.prototype.hasOwnProperty.call(b, key) || !__ai_deep(a[key], b[key], strict)) return false;
  return true;
}
function __ai_matches(error, expected) {
  if (expected === undefined) return true;
  if (typeof expected === "function" && expected.prototype !== undefined && error instanceof expected) return true;
  if (expected instanceof RegExp) return expected.test(String(error && error.message !== undefined ? error.message : error));
  if (typeof expected === "function") return expected(error) === true;
  if (typeof expected === "object") return Object.keys(expected).every(function (key) { return __ai_deep(error[key], expected[key], true) || (expected[key] instanceof RegExp && expected[key].test(error[key])); });
  return false;
}
function assert(value, message) { if (!value) __ai_fail(message, "The expression evaluated to a falsy value: " + __ai_show(value)); }
assert.ok = assert;
assert.AssertionError = AssertionError;
assert.fail = function (message) { __ai_fail(message, "Failed"); };
assert.equal = function (a, b, m) { if (!(a == b)) __ai_fail(m, __ai_show(a) + " == " + __ai_show(b)); };
assert.notEqual = function (a, b, m) { if (a == b) __ai_fail(m, __ai_show(a) + " != " + __ai_show(b)); };
assert.strictEqual = function (a, b, m) { if (!Object.is(a, b)) __ai_fail(m, "Expected values to be strictly equal: " + __ai_show(a) + " !== " + __ai_show(b)); };
assert.notStrictEqual = function (a, b, m) { if (Object.is(a, b)) __ai_fail(m, "Expected values to differ: " + __ai_show(a)); };
assert.deepEqual = function (a, b, m) { if (!__ai_deep(a, b, false)) __ai_fail(m, "Expected values to be loosely deep-equal: " + __ai_show(a) + " vs " + __ai_show(b)); };
assert.deepStrictEqual = function (a, b, m) { if (!__ai_deep(a, b, true)) __ai_fail(m, "Expected values to be strictly deep-equal: " + __ai_show(a) + " vs " + __ai_show(b)); };
assert.notDeepStrictEqual = function (a, b, m) { if (__ai_deep(a, b, true)) __ai_fail(m, "Expected values not to be deep-equal: " + __ai_show(a)); };
assert.notDeepEqual = function (a, b, m) { if (__ai_deep(a, b, false)) __ai_fail(m, "Expected values not to be deep-equal: " + __ai_show(a)); };
assert.match = function (s, re, m) { if (!re.test(s)) __ai_fail(m, "The input did not match " + re + ": " + __ai_show(s)); };
assert.doesNotMatch = function (s, re, m) { if (re.test(s)) __ai_fail(m, "The input matched " + re + ": " + __ai_show(s)); };
assert.throws = function (fn, expected, m) {
  try { fn(); } catch (error) { if (__ai_matches(error, expected)) return; __ai_fail(typeof expected === "string" ? expected : m, "The error thrown did not match: " + error); }
  __ai_fail(typeof expected === "string" ? expected : m, "Missing expected exception.");
};
assert.doesNotThrow = function (fn, m) { try { fn(); } catch (error) { __ai_fail(m, "Got unwanted exception: " + error); } };
assert.rejects = async function (promise, expected, m) {
  try { await (typeof promise === "function" ? promise() : promise); } catch (error) { if (__ai_matches(error, expected)) return; __ai_fail(m, "The rejection did not match: " + error); }
  __ai_fail(m, "Missing expected rejection.");
};
assert.doesNotReject = async function (promise, m) { try { await (typeof promise === "function" ? promise() : promise); } catch (error) { __ai_fail(m, "Got unwanted rejection: " + error); } };
assert.strict = assert;
function __ai_test(name, options, fn) {
  if (typeof options === "function") fn = options;
  if (typeof name === "function") { fn = name; name = fn.name || "test"; }
  if (typeof fn === "function") __ai_state.tests.push({ name: __ai_state.prefix + name, fn: fn });
}
function __ai_describe(name, options, fn) {
  if (typeof options === "function") fn = options;
  var outer = __ai_state.prefix;
  __ai_state.prefix = outer + name + " > ";
  try { fn(); } finally { __ai_state.prefix = outer; }
}
var __ai_node_test = { test: __ai_test, it: __ai_test, describe: __ai_describe, suite: __ai_describe };
__ai_node_test.default = __ai_test;
__ai_state.modules["assert"] = __ai_state.modules["node:assert"] = __ai_state.modules["assert/strict"] = __ai_state.modules["node:assert/strict"] = assert;
__ai_state.modules["node:test"] = __ai_node_test;
globalThis.assert = assert;
function __ai_found(found) {
  for (var name in found) if (found[name]) __ai_state.tests.push({ name: name, fn: found[name] });
}
function __ai_top(error) { __ai_state.top = error; }
async function __ai_run(marker) {
  var results = [];
  function record(name, error) {
    if (error === undefined) { results.push({ name: name, status: "passed" }); return; }
    var failed = error && error.name === "AssertionError";
    var message = (error && error.name ? error.name + ": " + error.message : String(error)).slice(0, 500);
    results.push({ name: name, status: failed ? "failed" : "error", message: message });
    console.error("[harness] " + name + " " + (failed ? "failed" : "error") + ": " + message + (error && error.stack ? "\n" + error.stack : ""));
  }
  if (__ai_state.top !== undefined) record("(top level)", __ai_state.top);
  else {
    var seen = new Set();
    for (var entry of __ai_state.tests) {
      if (seen.has(entry.fn)) continue;
      seen.add(entry.fn);
      try { await entry.fn(); record(entry.name); } catch (error) { record(entry.name, error === undefined ? new Error("undefined thrown") : error); }
    }
  }
  console.log("\n" + marker + " " + JSON.stringify(results));
  var bad = results.filter(function (result) { return result.status !== "passed"; }).length;
  if (bad > 0) throw new Error(bad + " of " + results.length + " checks did not pass");
}
`;
