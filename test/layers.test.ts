// One-way layers, read from the source: cli → runner → {graphs, agents, tools} → core (runtime/).
// Every import (type imports too: they couple modules just the same) must point to the same or a lower
// layer, and no files may import each other in a cycle.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** Higher imports lower. agents sit above tools: a skill names the tools it may use. */
const RANKS: Record<string, number> = { cli: 5, runner: 4, graphs: 3, agents: 2.5, tools: 2, runtime: 1 };
const ROOT_FILE_RANK = 5; // index.ts: the library's public face, beside the CLI

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

function rankOf(file: string): number {
  const top = file.split("/")[0] ?? "";
  return file === "index.ts" ? ROOT_FILE_RANK : (RANKS[top] ?? Number.NaN);
}

/** `./x.js` → x.ts, `./dir` → dir/index.ts; undefined when it names no source file. */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  const base = resolve(ROOT, dirname(from), specifier);
  const candidates = [base.replace(/\.js$/, ".ts"), `${base}.ts`, join(base, "index.ts")];
  const found = candidates.find((path) => existsSync(path) && statSync(path).isFile());
  return found && relative(ROOT, found);
}

interface ImportGraph {
  files: string[];
  edges: Map<string, Set<string>>;
  unresolved: string[];
}

function readImportGraph(): ImportGraph {
  const files = [
    "index.ts",
    ...Object.keys(RANKS).flatMap((folder) => sourceFiles(join(ROOT, folder)).map((path) => relative(ROOT, path))),
  ].sort();
  const edges = new Map<string, Set<string>>();
  const unresolved: string[] = [];
  for (const file of files) {
    const targets = new Set<string>();
    // preProcessFile sees import, import type, export … from and import("…"), and nothing in comments or strings.
    const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), "utf8"), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith(".")) continue; // packages and node: builtins are outside the layers
      const target = resolveSpecifier(file, fileName);
      if (target) targets.add(target);
      else unresolved.push(`${file} → ${fileName}`);
    }
    edges.set(file, targets);
  }
  return { files, edges, unresolved };
}

/** Strongly connected components (Tarjan): every set of files that reach each other. */
function stronglyConnected(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file) ?? 0);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.edges.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      components.push(component);
    }
  };
  for (const file of graph.files) if (!index.has(file)) visit(file);
  return components;
}

/** The shortest cycle inside a component (breadth-first from each member), as a chain of imports to follow. */
function cycleChain(graph: ImportGraph, component: string[]): string {
  const members = new Set(component);
  let best: string[] = [];
  for (const start of [...component].sort()) {
    const cameFrom = new Map<string, string>();
    const queue = [start];
    let closing: string | undefined;
    while (queue.length > 0 && closing === undefined) {
      const file = queue.shift() ?? start;
      for (const target of graph.edges.get(file) ?? []) {
        if (target === start) {
          closing = file;
          break;
        }
        if (!members.has(target) || cameFrom.has(target)) continue;
        cameFrom.set(target, file);
        queue.push(target);
      }
    }
    const middle: string[] = [];
    for (let file = closing; file !== undefined && file !== start; file = cameFrom.get(file)) middle.unshift(file);
    const chain = [start, ...middle, start];
    if (best.length === 0 || chain.length < best.length) best = chain;
  }
  return best.join(" → ");
}

function layerViolations(graph: ImportGraph): string[] {
  const upward = graph.files.flatMap((file) =>
    [...(graph.edges.get(file) ?? [])]
      .filter((target) => rankOf(target) > rankOf(file))
      .map((target) => `upward edge: ${file} → ${target}`),
  );
  const cycles = stronglyConnected(graph)
    .filter((component) => component.length > 1 || graph.edges.get(component[0] ?? "")?.has(component[0] ?? ""))
    .map((component) => `import cycle (${component.length} files reach each other): ${cycleChain(graph, component)}`);
  return [...upward, ...cycles];
}

describe("layers", () => {
  const graph = readImportGraph();

  it("reads the whole source tree, so an empty scan cannot pass", () => {
    const edgeCount = [...graph.edges.values()].reduce((sum, targets) => sum + targets.size, 0);
    expect(graph.files.length).toBeGreaterThan(60);
    expect(edgeCount).toBeGreaterThan(150);
    for (const folder of Object.keys(RANKS)) {
      expect(graph.files.some((file) => file.startsWith(`${folder}/`))).toBe(true);
    }
    expect(graph.files.every((file) => !Number.isNaN(rankOf(file)))).toBe(true);
    expect(graph.unresolved).toEqual([]);
  });

  it("imports only downward (cli → runner → graphs → agents → tools → runtime) and never in a cycle", () => {
    const violations = layerViolations(graph);
    expect(violations, `\n${violations.join("\n")}\n`).toEqual([]);
  });
});
