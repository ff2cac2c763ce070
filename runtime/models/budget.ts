// A hard budget in dollars for one run (`--max-cost`, `budget.usd`). It counts what the run has spent (a resumed
// run starts from what its call log already spent) plus what calls in flight may still cost: before a call is
// sent, the gateway reserves its estimated cost; the reply's usage replaces the estimate, a failure releases it.
// A call whose reservation would take spent + reserved past the limit waits for calls in flight to settle (their
// estimates are mostly above their real cost, so room comes back); once even spent alone leaves no room for it,
// it is refused, and from then on every call is: the run drains instead of spending in small leftovers.
import { BudgetReachedError, ConfigError } from "../errors.js";
import type { RunStore } from "../store/run-store.js";
import { MODEL_ROLES, type ModelRole, modelLabel, type ResolvedModel } from "./model-roles.js";
import { costOf, type Price, priceFor } from "./prices.js";

/** What one call has reserved; settled once, with the real cost or nothing. */
export interface Reservation {
  /** The call's real cost replaces its estimate. */
  settle(costUsd: number): void;
  /** The call failed or was cancelled: it costs what its failed attempts cost (0 with usage 0). */
  release(): void;
}

export class Budget {
  private spent: number;
  private reserved = 0;
  private refused = false;
  /** Calls waiting for reservations in flight to settle. */
  private waiting: Array<() => void> = [];

  /**
   * @param limitUsd the budget.
   * @param spentBefore what the run's call log already spent (earlier runs on the same --out).
   * @param onReached called once, when the first call is refused (the runner drains on it).
   */
  constructor(
    readonly limitUsd: number,
    spentBefore: number,
    private readonly onReached?: () => void,
  ) {
    this.spent = spentBefore;
  }

  get spentUsd(): number {
    return this.spent;
  }

  /** True once a call was refused: the run stopped at its budget. */
  get reached(): boolean {
    return this.refused;
  }

  /**
   * Reserve a call's estimated cost, waiting while calls in flight hold the room it needs; BudgetReachedError
   * when what is spent already leaves no room for it.
   */
  async reserve(estimateUsd: number): Promise<Reservation> {
    for (;;) {
      if (this.refused) throw new BudgetReachedError(this.spent, this.limitUsd);
      if (this.spent + estimateUsd > this.limitUsd) {
        this.refused = true;
        this.onReached?.();
        this.wake();
        throw new BudgetReachedError(this.spent, this.limitUsd);
      }
      if (this.spent + this.reserved + estimateUsd <= this.limitUsd) break;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.reserved += estimateUsd;
    let open = true;
    const close = (costUsd: number) => {
      if (!open) return;
      open = false;
      this.reserved -= estimateUsd;
      this.spent += costUsd;
      this.wake();
    };
    return { settle: close, release: () => close(0) };
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
): void {
  const unpriced = MODEL_ROLES.filter((role) => priceFor(models[role], prices) === undefined);
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
