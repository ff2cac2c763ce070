// The output schema of each agent stage. Prompts describe intent; these decide what is accepted.
// Instruction and edit schemas depend on the skill's instruction shape: see instruction-shapes.ts.
import { z } from "zod";
import type { ContentShape, ResponseShape } from "../agents/define-skill.js";

export const TransformOutput = z.object({
  content: z.string().trim().min(1).describe("The transformed content, complete and ready to show a student."),
});

/** A parameter schema the engine can turn into a validator, so every tool call can be checked. */
const ParameterSchema = z
  .object({
    type: z.literal("object"),
    properties: z.record(
      z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/),
      z.looseObject({ type: z.string().optional(), description: z.string().optional() }),
    ),
    required: z.array(z.string()).optional(),
  })
  .loose()
  .superRefine((schema, context) => {
    for (const name of schema.required ?? []) {
      if (!(name in schema.properties)) {
        context.addIssue({ code: "custom", message: `required parameter "${name}" is not among the properties` });
      }
    }
    try {
      z.fromJSONSchema(schema as never);
    } catch (error) {
      context.addIssue({ code: "custom", message: `not a usable JSON Schema: ${(error as Error).message}` });
    }
  });

export const Api = z.object({
  name: z
    .string()
    .regex(/^[a-zA-Z_][a-zA-Z0-9_]{0,63}$/)
    .describe("The function name, as a tool-calling model would call it."),
  description: z.string().trim().min(1).describe("What the API does, its effects and what it returns."),
  parameters: ParameterSchema.describe("JSON Schema of the arguments: type object, properties, required."),
});
export type Api = z.infer<typeof Api>;

export const ApiList = z.object({
  apis: z
    .array(Api)
    .min(1)
    .refine((apis) => new Set(apis.map((api) => api.name)).size === apis.length, {
      message: "API names must be unique",
    }),
});

/** A page observation for web tasks: interactive elements must carry ids that actions can target. */
const PageObservation = z.object({
  content: z
    .string()
    .trim()
    .min(1)
    .regex(/\[\d+\] \S/, 'mark interactive elements with numeric ids, like [12] button "Go"')
    .describe("The page observation: URL, title, then the accessibility tree."),
});

/**
 * The transformation's output: text (a page observation when the skill acts on pages), or an API list
 * (kept as JSON text in the content).
 */
export function transformOutput(
  shape: ContentShape,
  respond: ResponseShape,
): z.ZodType<{ content: string } | z.infer<typeof ApiList>> {
  if (shape === "api_list") return ApiList;
  return respond === "web_actions" ? PageObservation : TransformOutput;
}

/** The content a transformation output stands for. */
export function contentOf(output: { content: string } | z.infer<typeof ApiList>): string {
  return "apis" in output ? JSON.stringify(output, null, 2) : output.content;
}

/**
 * The editor's output: the instruction shape's fields and the new expected outcome; the content only when the
 * goal edits it (held to the same rule as the transformation's; an API list is fixed once made, so it is never
 * re-sent), and the type of the revised item when the skill's types carry guidance for the teacher.
 */
export function editOutput(
  shapeEdit: z.ZodObject,
  options: { editsContent: boolean; content: ContentShape; respond: ResponseShape; retype: readonly string[] },
): z.ZodObject {
  let schema = shapeEdit;
  if (options.editsContent && options.content !== "api_list") {
    schema = schema.extend({
      content:
        options.respond === "web_actions"
          ? PageObservation.shape.content
          : z.string().trim().min(1).describe("The full revised content."),
    });
  }
  if (options.retype.length > 0) {
    schema = schema.extend({
      type: z.enum(options.retype as [string, ...string[]]).describe("The type of the revised item."),
    });
  }
  return schema;
}

export function suggestOutput(count: number) {
  return z.object({
    suggestions: z
      .array(
        z.object({
          suggestion: z.string().trim().min(1).describe("A concrete change to make, specific to this item."),
          rationale: z.string().trim().min(1).describe("Why the change serves the goal."),
          outcome: z
            .string()
            .trim()
            .min(1)
            .describe("How the expected outcome changes (the new answer, or why there is none)."),
        }),
      )
      .min(1)
      .max(count),
  });
}
