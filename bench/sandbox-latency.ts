// Benchmark: end-to-end latency of the code-execution sandboxes, from the call (spawn) to the result, for an
// honest program in each language. Run on demand: `npx tsc -p tsconfig.build.json && node dist/bench/sandbox-latency.js`.
// BENCH_RUNS sets the runs per language (default 20); one warm-up run each is not counted.
import { runJavaScript } from "../tools/code-execution/javascript-sandbox.js";
import type { ExecutionResult } from "../tools/code-execution/limits.js";
import { pythonSandboxAvailability, runPython } from "../tools/code-execution/python-sandbox.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);

const PYTHON_PROGRAM = `
import json, math, re, collections
words = re.findall(r"[a-z]+", "the quick brown fox jumps over the lazy dog the end")
primes = [n for n in range(2, 2000) if all(n % d for d in range(2, math.isqrt(n) + 1))]
print(json.dumps({"top": collections.Counter(words).most_common(1), "primes": len(primes)}))
`;
const JAVASCRIPT_PROGRAM = `
const words = "the quick brown fox jumps over the lazy dog the end".match(/[a-z]+/g);
const counts = {};
for (const word of words) counts[word] = (counts[word] ?? 0) + 1;
const primes = [];
for (let n = 2; n < 2000; n++) { let prime = true; for (let d = 2; d * d <= n; d++) if (n % d === 0) { prime = false; break; } if (prime) primes.push(n); }
console.log(JSON.stringify({ top: Object.entries(counts).sort((a, b) => b[1] - a[1])[0], primes: primes.length }));
`;

function quantile(sorted: number[], q: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

async function measure(
  run: () => Promise<ExecutionResult>,
): Promise<{ median: number; p95: number; min: number; max: number }> {
  const check = (result: ExecutionResult) => {
    if (
      result.exitCode !== 0 ||
      (!result.stdout.includes('"primes": 303') && !result.stdout.includes('"primes":303'))
    ) {
      throw new Error(`the honest program failed: ${JSON.stringify(result)}`);
    }
  };
  check(await run()); // warm-up: page cache, lazily loaded modules
  const times: number[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    const started = performance.now();
    check(await run());
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95), min: times[0] ?? 0, max: times.at(-1) ?? 0 };
}

async function main(): Promise<void> {
  const rows: Array<[string, string]> = [];
  const python = await pythonSandboxAvailability();
  if (python.ok) {
    const stats = await measure(() => runPython(PYTHON_PROGRAM));
    rows.push(["python (bubblewrap + prlimit)", format(stats)]);
  } else {
    rows.push(["python (bubblewrap + prlimit)", `unavailable: ${python.reason}`]);
  }
  const stats = await measure(() => runJavaScript(JAVASCRIPT_PROGRAM));
  rows.push(["javascript (QuickJS-ng, worker)", format(stats)]);

  const width = Math.max(...rows.map(([name]) => name.length), "sandbox".length);
  process.stdout.write(`Sandbox end-to-end latency, honest program, ${RUNS} runs each (ms)\n`);
  process.stdout.write(
    `${"sandbox".padEnd(width)}  ${"median".padStart(8)}  ${"p95".padStart(8)}  ${"min".padStart(8)}  ${"max".padStart(8)}\n`,
  );
  for (const [name, cells] of rows) process.stdout.write(`${name.padEnd(width)}  ${cells}\n`);
}

function format(stats: { median: number; p95: number; min: number; max: number }): string {
  return [stats.median, stats.p95, stats.min, stats.max].map((value) => value.toFixed(1).padStart(8)).join("  ");
}

await main();
