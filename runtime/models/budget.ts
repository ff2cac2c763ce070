// A hard budget in dollars for one run (`--max-cost`, `budget.usd`). It counts what the run has spent (a resumed
// run starts from what its call log already spent) plus what calls in flight may still cost: before a call is
// sent, the gateway reserves its estimated cost; the reply's usage replaces the estimate, a failure releases it.
// A call whose reservation would take spent + reserved past the limit waits for calls in flight to settle (their
// estimates are mostly above their real cost, so room comes back); once even spent alone leaves no room for it,
// it is refused, and from then on every call is: the run drains instead of spending in small leftovers.
// Spend and reservations live in the run's shared state (shared-limits.ts), so the budget holds across all its
// workers: one worker's refusal marks the budget reached for all, and a dead worker's reservations lapse.
import { BudgetReachedError, ConfigError } from "../errors.js";
import type { RunStore } from "../store/run-store.js";
import { InProcessLimits } from "./limits-in-process.js";
import { MODEL_ROLES, type ModelRole, modelLabel, type ResolvedModel } from "./model-roles.js";
import { costOf, type Price, priceFor } from "./prices.js";
import type { SharedLimits } from "./shared-limits.js";

/** What one call has reserved; settled once, with the real cost or nothing. */
export interface Reservation {
  /** The call's real cost replaces its estimate. */
  settle(costUsd: number): Promise<void>;
  /** The call failed or was cancelled: it costs what its failed attempts cost (0 with usage 0). */
  release(): Promise<void>;
}

/** How the budget is shared with the run's other workers (absent: this process alone). */
export interface BudgetSharing {
  limits: SharedLimits;
  /** This worker's id, unique in the run. */
  worker: string;
  /** A worker that stops renewing (it died) loses its reservations this long after its last renewal. */
  ttlMs: number;
  /** How often a call that waits for room looks again (room may come from another worker's settle). */
  pollMs?: number;
}

export class Budget {
  /** The spend as last seen (every worker's): the shared state's, plus this worker's settles since. */
  private spent: number;
  private refused = false;
  /** Calls waiting for reservations in flight to settle. */
  private waiting: Array<() => void> = [];
  private readonly sharing: Required<BudgetSharing>;
  private joined: Promise<void> | undefined;
  private renewal: NodeJS.Timeout | undefined;
  private failure: unknown;
  private count = 0;

  /**
   * @param limitUsd the budget.
   * @param spentBefore what the run's call log already spent (earlier runs on the same --out).
   * @param onReached called once, when the first call is refused (the runner drains on it).
   * @param sharing the run's shared state, when other workers count against the same budget.
   */
  constructor(
    readonly limitUsd: number,
    private readonly spentBefore: number,
    private readonly onReached?: () => void,
    sharing?: BudgetSharing,
  ) {
    this.spent = spentBefore;
    this.sharing = {
      limits: sharing?.limits ?? new InProcessLimits(),
      worker: sharing?.worker ?? "this-process",
      ttlMs: sharing?.ttlMs ?? 30_000,
      pollMs: sharing?.pollMs ?? 100,
    };
  }

  get spentUsd(): number {
    return this.spent;
  }

  /** True once a call was refused: the run stopped at its budget. */
  get reached(): boolean {
    return this.refused;
  }

  /** Joins the shared budget once, and renews this worker's claim on its reservations until close(). */
  private join(): Promise<void> {
    this.joined ??= (async () => {
      const { limits, worker, ttlMs } = this.sharing;
      this.see(await limits.joinBudget(worker, this.spentBefore, ttlMs));
      this.renewal = setInterval(() => {
        limits.renewBudget(worker, ttlMs).catch((error: unknown) => {
          this.failure ??= error;
        });
      }, ttlMs / 3);
      this.renewal.unref();
    })();
    return this.joined;
  }

  /** The shared spend only grows: an older answer never lowers what this worker has seen. */
  private see(spentUsd: number): void {
    this.spent = Math.max(this.spent, spentUsd);
  }

  /**
   * Reserve a call's estimated cost, waiting while calls in flight (this worker's or others') hold the room it
   * needs; BudgetReachedError when what is spent already leaves no room for it.
   */
  async reserve(estimateUsd: number): Promise<Reservation> {
    await this.join();
    const { limits, worker, ttlMs, pollMs } = this.sharing;
    this.count += 1;
    const id = `${worker}:${this.count}`;
    for (;;) {
      if (this.failure !== undefined) throw this.failure;
      if (this.refused) throw new BudgetReachedError(this.spent, this.limitUsd);
      const { outcome, spentUsd } = await limits.reserve({
        id,
        worker,
        usd: estimateUsd,
        limitUsd: this.limitUsd,
        ttlMs,
      });
      this.see(spentUsd);
      if (outcome === "reserved") break;
      if (outcome === "refused") {
        if (!this.refused) {
          this.refused = true;
          this.onReached?.();
        }
        this.wake();
        throw new BudgetReachedError(this.spent, this.limitUsd);
      }
      // Room comes back when a call of this worker settles (wake) or another worker's does (seen by polling).
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        this.waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    let open = true;
    const close = async (costUsd: number) => {
      if (!open) return;
      open = false;
      this.spent += costUsd;
      this.see(await limits.settle(id, costUsd));
      this.wake();
    };
    return { settle: close, release: () => close(0) };
  }

  /** Leaves the shared budget: this worker's reservations stop counting at once, not after the TTL. */
  async close(): Promise<void> {
    if (this.renewal) clearInterval(this.renewal);
    if (this.joined) await this.sharing.limits.leaveBudget(this.sharing.worker);
  }

  /** Let waiting calls look again: room came back, or the budget was reached. */
  private wake(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}

/** A budget needs a price for every model it pays: refuse to start otherwise, saying how to add one. */
export function requirePrices(
  models: Readonly<Record<ModelRole, ResolvedModel>>,
  prices: Readonly<Record<string, Price>>,
  /** The roles the run calls (a judge without a rubric is never paid). */
  roles: readonly ModelRole[] = MODEL_ROLES,
): void {
  const unpriced = roles.filter((role) => priceFor(models[role], prices) === undefined);
  if (unpriced.length === 0) return;
  const labels = [...new Set(unpriced.map((role) => modelLabel(models[role])))];
  const example = Object.fromEntries(labels.map((label) => [label, { input: 0.15, output: 0.6 }]));
  throw new ConfigError(
    `a budget (--max-cost or budget.usd) needs the price of every model, and ${labels.join(", ")} ` +
      `(role ${unpriced.join(", ")}) has none. Add it under "prices" in the config file, in USD per million ` +
      `tokens, e.g. "prices": ${JSON.stringify(example)} (README > Prices).`,
  );
}

/**
 * What earlier runs on this --out spent, for a resumed run's budget: the priced calls of the call log, and the
 * calls logged without a price (before one was configured) priced now, at their model's current price.
 */
export async function spentBefore(
  store: Pick<RunStore, "spend">,
  models: Readonly<Record<ModelRole, ResolvedModel>>,
  prices: Readonly<Record<string, Price>>,
): Promise<number> {
  const { usd, unpriced } = await store.spend();
  let total = usd;
  for (const entry of unpriced) {
    const model = models[entry.role as ModelRole];
    const price = model && modelLabel(model) === entry.model ? priceFor(model, prices) : prices[entry.model];
    const cost = costOf(entry.usage, price);
    if (cost === undefined) {
      throw new ConfigError(
        `this run's call log holds calls to ${entry.model} with no known price, so a budget cannot count them. ` +
          `Add ${entry.model} under "prices" in the config file (README > Prices).`,
      );
    }
    total += cost;
  }
  return total;
}
