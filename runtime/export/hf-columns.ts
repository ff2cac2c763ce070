// The columns of a Hugging Face export, described once: the Parquet schema the shards are written with and the
// `dataset_info.features` of the dataset card both come from the same description, so they cannot disagree.
import type { SchemaElement } from "hyparquet";
import type { DatasetRecord } from "../store/run-store.js";
import { type HfFormat, messagesRow, recordTools } from "./conversation-formats.js";

/** A column or a struct member: a string or int32 value, a struct, or a list of structs. */
export type Field =
  | { name: string; dtype: "string" | "int32" }
  | { name: string; struct: Field[] }
  | { name: string; list: Field[] };

const text = (name: string): Field => ({ name, dtype: "string" });

/** Which optional columns the export needs: found in one read of the records before any shard is written. */
export interface ExportShape {
  /** Some record calls tools (tool turns, tools in metadata). */
  tools: boolean;
  /** Alpaca: some single-turn record opens with a system turn. */
  system: boolean;
}

export function recordHasTools(record: DatasetRecord): boolean {
  return (
    recordTools(record) !== undefined ||
    record.messages.some((turn) => turn.role === "tool" || (turn.tool_calls?.length ?? 0) > 0)
  );
}

const TOOL_CALLS: Field = {
  name: "tool_calls",
  list: [text("id"), text("type"), { name: "function", struct: [text("name"), text("arguments")] }],
};

/** The lineage columns every format carries: what a record came from, typed, and its whole metadata as JSON. */
const LINEAGE: Field[] = [
  text("skill"),
  text("seed_id"),
  text("source"),
  text("transformation"),
  text("instruction_type"),
  { name: "refinement", list: [text("goal"), { name: "round", dtype: "int32" }, text("parent_id")] },
  text("metadata"),
];

/** The columns of `format`, in order: id, the conversation, the lineage. */
export function columnsOf(format: HfFormat, shape: ExportShape): Field[] {
  const conversation: Field[] =
    format === "messages"
      ? [
          {
            name: "messages",
            list: [text("role"), text("content"), ...(shape.tools ? [TOOL_CALLS, text("tool_call_id")] : [])],
          },
          ...(shape.tools ? [text("tools")] : []),
        ]
      : format === "sharegpt"
        ? [{ name: "conversations", list: [text("from"), text("value")] }, ...(shape.tools ? [text("tools")] : [])]
        : [text("instruction"), text("input"), text("output"), ...(shape.system ? [text("system")] : [])];
  return [text("id"), ...conversation, ...LINEAGE];
}

/** One Parquet row: the format's row (tools as JSON text: their parameter schemas have no fixed shape) and lineage. */
export function parquetRow(format: HfFormat, record: DatasetRecord, row: Record<string, unknown>) {
  const { metadata } = record;
  const tools = recordTools(record);
  const conversation =
    format === "messages"
      ? { messages: messagesRow(record).messages, tools: tools ? JSON.stringify(tools) : null }
      : format === "sharegpt"
        ? { conversations: row.conversations, tools: (row.tools as string | undefined) ?? null }
        : { ...row, system: (row.system as string | undefined) ?? null };
  return {
    id: record.id,
    ...conversation,
    skill: metadata.skill,
    seed_id: metadata.seed_id,
    source: metadata.source,
    transformation: metadata.transformation,
    instruction_type: metadata.instruction_type,
    refinement: metadata.refinement,
    metadata: JSON.stringify(metadata),
  };
}

/** The Parquet schema of the columns: every value optional, lists in the standard three-level form (as pyarrow). */
export function parquetSchemaOf(columns: readonly Field[]): SchemaElement[] {
  const elements = (field: Field): SchemaElement[] => {
    if ("dtype" in field) {
      return [
        field.dtype === "string"
          ? { name: field.name, type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "OPTIONAL" }
          : { name: field.name, type: "INT32", repetition_type: "OPTIONAL" },
      ];
    }
    if ("struct" in field) {
      return [
        { name: field.name, repetition_type: "OPTIONAL", num_children: field.struct.length },
        ...field.struct.flatMap(elements),
      ];
    }
    return [
      { name: field.name, repetition_type: "OPTIONAL", converted_type: "LIST", num_children: 1 },
      { name: "list", repetition_type: "REPEATED", num_children: 1 },
      { name: "element", repetition_type: "OPTIONAL", num_children: field.list.length },
      ...field.list.flatMap(elements),
    ];
  };
  return [{ name: "schema", num_children: columns.length }, ...columns.flatMap(elements)];
}

/** The Hub's `dataset_info.features`: `dtype` for a value, `struct` for a struct, `list` for a list of structs. */
export function featuresOf(columns: readonly Field[]): unknown[] {
  return columns.map((field) => {
    if ("dtype" in field) return { name: field.name, dtype: field.dtype };
    if ("struct" in field) return { name: field.name, struct: featuresOf(field.struct) };
    return { name: field.name, list: featuresOf(field.list) };
  });
}
