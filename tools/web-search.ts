// Web search through a real provider (Tavily) when its key is set. Without a key the tool is simply not
// offered to agents: a search result is never made up.
import { tool } from "@langchain/core/tools";
import { z } from "zod";
import { EngineError } from "../runtime/errors.js";

export interface WebResult {
  title: string;
  url: string;
  content: string;
}

export interface WebSearchOptions {
  apiKey: string;
  /** Tavily's API by default; tests point it at a local server. */
  baseURL?: string;
  timeoutMs?: number;
}

const TavilyResponse = z.object({
  results: z.array(z.object({ title: z.string(), url: z.string(), content: z.string() }).loose()),
});

export class WebSearchError extends EngineError {
  readonly kind = "tool";
  constructor(message: string) {
    super(message);
    this.name = "WebSearchError";
  }
}

export async function searchWeb(
  query: string,
  options: WebSearchOptions & { maxResults?: number },
): Promise<WebResult[]> {
  const response = await fetch(`${options.baseURL ?? "https://api.tavily.com"}/search`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${options.apiKey}` },
    body: JSON.stringify({ query, max_results: options.maxResults ?? 5, search_depth: "basic" }),
    signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
  });
  if (!response.ok) throw new WebSearchError(`web search failed: HTTP ${response.status} ${await response.text()}`);
  const parsed = TavilyResponse.safeParse(await response.json());
  if (!parsed.success) throw new WebSearchError("web search returned an unexpected response");
  return parsed.data.results.map(({ title, url, content }) => ({ title, url, content }));
}

/** The web search tool, or undefined when no provider key is configured (then agents do not get it). */
export function webSearchTool(options: WebSearchOptions | undefined) {
  if (!options?.apiKey) return undefined;
  return tool(
    async ({ query, max_results }) => JSON.stringify(await searchWeb(query, { ...options, maxResults: max_results })),
    {
      name: "web_search",
      description: "Search the web (Tavily). Returns titles, URLs and page extracts; cite the URLs you use.",
      schema: z.object({
        query: z.string().min(1),
        max_results: z.number().int().min(1).max(10).default(5),
      }),
    },
  );
}
