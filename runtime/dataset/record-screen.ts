// What keeps a record out of the dataset for what it asks: a near-duplicate of an instruction already kept (the
// run store's index, shared by every worker) or text from an eval set. Checked before an instruction is answered,
// so the teacher is not paid for it, and again as its item commits, in the store's transaction.
import type { CommitDedup, DatasetRecord, ItemNote, RunStore } from "../store/run-store.js";
import { contaminatedNote, type EvalNgrams } from "./decontaminate.js";
import { Deduplicator, type DedupSettings, duplicateNote, splitUserTurn } from "./dedup.js";

/** The template of a skill's first user turn when a record's skill is not one this run knows. */
export const DEFAULT_USER_MESSAGE = "{content}\n\n{instruction}";

export interface ScreenedDraft {
  skill: string;
  split: string;
  /** What a drop note names: the draft id. */
  subject: string;
  /** The user turn the instruction will be asked as. */
  userTurn: string;
}

export class RecordScreen {
  readonly dedup?: Deduplicator;
  private readonly evals?: EvalNgrams;

  constructor(
    private readonly store: RunStore,
    /** Skill id → its userMessage template. */
    private readonly templates: ReadonlyMap<string, string>,
    options: { dedup?: DedupSettings; evals?: EvalNgrams },
  ) {
    if (options.dedup) this.dedup = new Deduplicator(options.dedup);
    if (options.evals) this.evals = options.evals;
  }

  partsOf(skill: string, userTurn: string) {
    return splitUserTurn(this.templates.get(skill) ?? DEFAULT_USER_MESSAGE, userTurn);
  }

  /** Why an instruction is not worth answering, if it is not: contaminated, or repeating one already committed. */
  async beforeResponse(draft: ScreenedDraft): Promise<ItemNote | undefined> {
    const found = this.evals?.match(draft.userTurn);
    if (found) return contaminatedNote(draft.subject, found);
    if (!this.dedup) return undefined;
    const print = this.dedup.fingerprint(this.partsOf(draft.skill, draft.userTurn));
    const match = this.dedup.match(print, draft.split, await this.store.dedupCandidates([print.exact], print.bands));
    return match ? duplicateNote(draft.subject, match) : undefined;
  }

  /**
   * An item's records as it commits: the contaminated ones dropped here (with notes), and the duplicate check for
   * completeItem's transaction over the rest.
   */
  atCommit(
    itemId: string,
    records: readonly DatasetRecord[],
    subjectOf: (record: DatasetRecord) => string,
  ): { records: DatasetRecord[]; notes: ItemNote[]; dedup?: CommitDedup } {
    const notes: ItemNote[] = [];
    const clean = records.filter((record) => {
      const users = record.messages.filter((turn) => turn.role === "user").map((turn) => turn.content ?? "");
      for (const text of users) {
        const found = this.evals?.match(text);
        if (found) {
          notes.push(contaminatedNote(subjectOf(record), found));
          return false;
        }
      }
      return true;
    });
    if (!this.dedup || clean.length === 0) return { records: clean, notes };
    const dedup = this.dedup.commitCheck(
      itemId,
      clean.map((record) => ({
        recordId: record.id,
        split: record.split,
        subject: subjectOf(record),
        parts: this.partsOf(record.metadata.skill, firstUserTurn(record)),
      })),
    );
    return { records: clean, notes, dedup };
  }
}

export function firstUserTurn(record: { messages: ReadonlyArray<{ role: string; content?: string | null }> }): string {
  return record.messages.find((turn) => turn.role === "user")?.content ?? "";
}
