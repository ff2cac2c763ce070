// Which files the corpus reader takes, by extension, and what it makes of them.
import { extname } from "node:path";

export type FileKind =
  | { kind: "text"; format: "plain" | "markdown" | "rst" | "html" }
  | { kind: "code"; language: string }
  | { kind: "jsonl" };

const TEXT_FORMATS: Record<string, "plain" | "markdown" | "rst" | "html"> = {
  ".txt": "plain",
  ".text": "plain",
  ".md": "markdown",
  ".markdown": "markdown",
  ".rst": "rst",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
};

const CODE_LANGUAGES: Record<string, string> = {
  ".py": "python",
  ".pyi": "python",
  ".js": "javascript",
  ".mjs": "javascript",
  ".cjs": "javascript",
  ".jsx": "javascript",
  ".ts": "typescript",
  ".mts": "typescript",
  ".cts": "typescript",
  ".tsx": "typescript",
  ".java": "java",
  ".kt": "kotlin",
  ".kts": "kotlin",
  ".scala": "scala",
  ".go": "go",
  ".rs": "rust",
  ".c": "c",
  ".h": "c",
  ".cc": "cpp",
  ".cpp": "cpp",
  ".cxx": "cpp",
  ".hpp": "cpp",
  ".hh": "cpp",
  ".cs": "csharp",
  ".rb": "ruby",
  ".php": "php",
  ".swift": "swift",
  ".m": "objective-c",
  ".sh": "bash",
  ".bash": "bash",
  ".zsh": "bash",
  ".sql": "sql",
  ".r": "r",
  ".lua": "lua",
  ".pl": "perl",
  ".hs": "haskell",
  ".ex": "elixir",
  ".exs": "elixir",
  ".erl": "erlang",
  ".clj": "clojure",
  ".dart": "dart",
  ".jl": "julia",
  ".ml": "ocaml",
  ".fs": "fsharp",
  ".vue": "vue",
  ".svelte": "svelte",
  ".zig": "zig",
  ".nim": "nim",
  ".ps1": "powershell",
};

/** The kind of a file by its extension, or undefined when the reader does not take it. */
export function fileKindOf(path: string): FileKind | undefined {
  const extension = extname(path).toLowerCase();
  const format = TEXT_FORMATS[extension];
  if (format) return { kind: "text", format };
  const language = CODE_LANGUAGES[extension];
  if (language) return { kind: "code", language };
  if (extension === ".jsonl" || extension === ".ndjson") return { kind: "jsonl" };
  return undefined;
}

export const SUPPORTED_EXTENSIONS = [
  ...Object.keys(TEXT_FORMATS),
  ...Object.keys(CODE_LANGUAGES),
  ".jsonl",
  ".ndjson",
].sort();
