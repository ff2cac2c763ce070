// Turn a finished thread's state into dataset records with full lineage: which transformation made the
// content, which instruction type asked, and every refinement step back to the original instruction.
import type { SkillSpec } from "../agents/define-skill.js";
import { instructionShape } from "../graphs/instruction-shapes.js";
import { recordMessages } from "../graphs/judge-record.js";
import type { Draft, ItemStateValue } from "../graphs/skill-state.js";
import { seedFlags } from "../runtime/corpus/injection.js";
import type { Seed } from "../runtime/corpus/read-corpus.js";
import { sha256 } from "../runtime/hash.js";
import type { DatasetRecord, RefinementStep } from "../runtime/store/run-store.js";

export function recordId(itemId: string, draftId: string): string {
  return sha256(`${itemId}\u0000${draftId}`, 16);
}

export function buildRecords(
  spec: SkillSpec,
  state: ItemStateValue,
  seed: Seed,
  models: Record<string, string>,
): DatasetRecord[] {
  const drafts = new Map(state.drafts.map((draft) => [draft.id, draft]));
  const lineage = (draft: Draft): RefinementStep[] => {
    if (!draft.parentId) return [];
    const parent = drafts.get(draft.parentId);
    if (!parent) throw new Error(`draft ${draft.id} lost its parent ${draft.parentId}`);
    return [
      ...lineage(parent),
      { goal: draft.goal ?? "", round: draft.round, parent_id: recordId(state.itemId, parent.id) },
    ];
  };
  const order = new Map(state.drafts.map((draft, index) => [draft.id, index]));
  const flags = seedFlags(seed.text);
  const answers = [...state.answers].sort((a, b) => (order.get(a.draftId) ?? 0) - (order.get(b.draftId) ?? 0));
  return answers.map((answer) => {
    const draft = drafts.get(answer.draftId);
    if (!draft) throw new Error(`answer for unknown draft ${answer.draftId}`);
    const content = answer.content ?? draft.content ?? state.content ?? "";
    return {
      id: recordId(state.itemId, draft.id),
      split: spec.split,
      messages: recordMessages(spec, draft, answer, content),
      metadata: {
        skill: spec.id,
        seed_id: seed.id,
        source: seed.source,
        transformation: state.transformation ?? "",
        instruction_type: draft.type,
        // The instruction alone (the user turn also holds the content): what diversity and dedup measure.
        instruction: draft.instruction,
        refinement: lineage(draft),
        models,
        usage: answer.usage,
        ...instructionShape(spec.instruct).metadata({
          instruction: draft.instruction,
          item: draft.item,
          expected: draft.expected,
        }),
        ...answer.metadata,
        // What a correct response does, and whether this one was checked to do it (never shown to the student).
        expected: draft.expected,
        ...(answer.verification ? { verification: answer.verification } : {}),
        ...(answer.scores ? { scores: answer.scores } : {}),
        ...(flags.length > 0 ? { flags } : {}),
      },
    };
  });
}
