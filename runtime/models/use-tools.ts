// An agent that may call tools before it answers: the model sees the tools' schemas, each call's arguments
// are validated against the tool's zod schema, the real tool runs, and its output goes back to the model,
// for a bounded number of turns. Every call is kept (input, output or error) for the record's metadata.
import type { StructuredToolInterface } from "@langchain/core/tools";
import { z } from "zod";
import { formatZodIssues, OutputInvalidError } from "../errors.js";
import type { CallContext, ChatMessage, ModelGateway, ToolSpec } from "./gateway.js";

export interface ToolUse {
  tool: string;
  input: unknown;
  output?: string;
  error?: string;
}

export interface ToolAnswer {
  text: string;
  usage: { input_tokens: number; output_tokens: number };
  model: string;
  toolUses: ToolUse[];
}

/** Tool outputs are cut to this size before they go back to the model (and into metadata). */
const OUTPUT_CHARS = 4000;

/** A tool run is traced like a model call: nested under the item's run, named and tagged, inputs and outputs kept. */
export function toolRunConfig(context: CallContext, tool: string) {
  return {
    callbacks: context.parent?.callbacks,
    runName: `${context.skill}/tool:${tool}`,
    tags: [`skill:${context.skill}`, `flow:${context.flow}`, `tool:${tool}`],
    metadata: { run_id: context.runId, seed_id: context.seedId, thread_id: context.itemId, skill: context.skill, tool },
  };
}

function specOf(tool: StructuredToolInterface): ToolSpec {
  const { $schema: _draft, ...parameters } = z.toJSONSchema(tool.schema as z.ZodType) as Record<string, unknown>;
  return { name: tool.name, description: tool.description, parameters };
}

export async function answerWithTools(
  gateway: ModelGateway,
  request: { messages: ChatMessage[]; tools: StructuredToolInterface[]; maxSteps: number; attempts: number },
  context: (step: number) => CallContext,
): Promise<ToolAnswer> {
  const messages = [...request.messages];
  const byName = new Map(request.tools.map((tool) => [tool.name, tool]));
  const specs = request.tools.map(specOf);
  const usage = { input_tokens: 0, output_tokens: 0 };
  const toolUses: ToolUse[] = [];
  let empty = 0;
  for (let step = 1; step <= request.maxSteps; step += 1) {
    // On the last turn the tools are withdrawn, so the model has to answer; without tools the request is plain.
    const offer = step < request.maxSteps && specs.length > 0;
    const callContext = context(step);
    const result = await gateway.complete(
      { role: "respond", messages, ...(offer ? { tools: specs } : {}) },
      callContext,
    );
    usage.input_tokens += result.usage.input_tokens;
    usage.output_tokens += result.usage.output_tokens;
    if (result.toolCalls.length === 0) {
      if (result.text.trim()) return { text: result.text.trim(), usage, model: result.model, toolUses };
      await gateway.forget(result);
      empty += 1;
      if (empty >= request.attempts)
        throw new OutputInvalidError(callContext.agent, "", ["the answer was empty"], empty);
      continue;
    }
    messages.push({ role: "assistant", content: result.text, toolCalls: result.toolCalls });
    for (const call of result.toolCalls) {
      const tool = byName.get(call.name);
      let output: string;
      let input: unknown = call.arguments;
      try {
        if (!tool) throw new Error(`no tool named ${call.name}; available: ${[...byName.keys()].join(", ")}`);
        input = JSON.parse(call.arguments || "{}");
        const parsed = (tool.schema as z.ZodType).safeParse(input);
        if (!parsed.success) throw new Error(`invalid arguments: ${formatZodIssues(parsed.error.issues).join("; ")}`);
        output = String(await tool.invoke(parsed.data as never, toolRunConfig(callContext, call.name))).slice(
          0,
          OUTPUT_CHARS,
        );
        toolUses.push({ tool: call.name, input, output });
      } catch (error) {
        // The model sees the error and can correct itself; the record keeps it.
        output = `Error: ${(error as Error).message}`;
        toolUses.push({ tool: call.name, input, error: (error as Error).message });
      }
      messages.push({ role: "tool", content: output, toolCallId: call.id });
    }
  }
  throw new OutputInvalidError(
    context(request.maxSteps).agent,
    "",
    [`no answer after ${request.maxSteps} turns`],
    request.maxSteps,
  );
}
