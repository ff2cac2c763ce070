// The shared limits' state in Redis (`redis` in the config, `--redis URL`), for workers anywhere. Each operation is
// one Lua script, which Redis runs atomically; every time is Redis's clock (TIME). Keys are the run's prefix
// (`agentinstruct:<run id>:`) plus what they hold. ioredis is loaded only when Redis is configured.
import type { Redis } from "ioredis";
import {
  type BucketAdjustment,
  type BucketTake,
  type BudgetReserve,
  type LearnedLimits,
  mergeLearned,
  type ReserveOutcome,
  type SharedLimits,
  touched,
} from "./shared-limits.js";

/** Redis's clock in milliseconds, and a bucket's content refilled to it (as refilled() in shared-limits.ts). */
const LUA_PRELUDE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local function level_of(key, rate, size)
  local row = redis.call('HMGET', key, 'level', 'at')
  if not row[1] then return size end
  return math.min(size, tonumber(row[1]) + math.max(0, now - tonumber(row[2])) * rate)
end
local function write(key, level)
  redis.call('HSET', key, 'level', string.format('%.17g', level), 'at', string.format('%.17g', now))
  redis.call('PEXPIRE', key, 3600000)
end
`;

/**
 * KEYS: the buckets touched, each once. ARGV: rate and size per key; the number of adjustments, then per adjustment
 * the key's index, give and most ('' for none); the number of takes, then per take the key's index and amount.
 * Returns 0 (taken) or the ms to wait: decideTake() in shared-limits.ts.
 */
const TAKE = `${LUA_PRELUDE}
local at, rates, sizes, levels = 1, {}, {}, {}
for i, key in ipairs(KEYS) do
  rates[i], sizes[i] = tonumber(ARGV[at]), tonumber(ARGV[at + 1])
  levels[i] = level_of(key, rates[i], sizes[i])
  at = at + 2
end
local adjustments = tonumber(ARGV[at])
at = at + 1
for _ = 1, adjustments do
  local k, give, most = tonumber(ARGV[at]), tonumber(ARGV[at + 1]), ARGV[at + 2]
  levels[k] = math.min(sizes[k], levels[k] + give)
  if most ~= '' then levels[k] = math.min(levels[k], tonumber(most)) end
  at = at + 3
end
local count, wait, keys, amounts = tonumber(ARGV[at]), 0, {}, {}
at = at + 1
for j = 1, count do
  keys[j], amounts[j] = tonumber(ARGV[at]), tonumber(ARGV[at + 1])
  local need = math.min(amounts[j], sizes[keys[j]])
  if levels[keys[j]] < need then wait = math.max(wait, math.ceil((need - levels[keys[j]]) / rates[keys[j]])) end
  at = at + 2
end
if wait == 0 then
  for j = 1, count do levels[keys[j]] = levels[keys[j]] - amounts[j] end
end
for i, key in ipairs(KEYS) do write(key, levels[i]) end
return wait
`;

/**
 * KEYS: budget hash (spent, reached), workers (sorted by alive-until), reservation amounts, reservation workers.
 * Forgets workers whose renewal lapsed, and their reservations.
 */
const BUDGET_PRELUDE = `${LUA_PRELUDE}
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local owners = redis.call('HGETALL', KEYS[4])
for i = 1, #owners, 2 do
  if not redis.call('ZSCORE', KEYS[2], owners[i + 1]) then
    redis.call('HDEL', KEYS[3], owners[i])
    redis.call('HDEL', KEYS[4], owners[i])
  end
end
`;

/** ARGV: worker, spent before, ttl. Returns the spend (as text: full precision). */
const JOIN = `${BUDGET_PRELUDE}
if redis.call('ZCARD', KEYS[2]) == 0 then
  redis.call('DEL', KEYS[3], KEYS[4])
  redis.call('HDEL', KEYS[1], 'reached')
end
if tonumber(redis.call('HGET', KEYS[1], 'spent') or '0') < tonumber(ARGV[2]) then
  redis.call('HSET', KEYS[1], 'spent', ARGV[2])
end
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[3]), ARGV[1])
-- A run's budget outlives its workers (a resumed run counts on it), not the week: after that the call log says.
for i = 1, 4 do redis.call('PEXPIRE', KEYS[i], 604800000) end
return redis.call('HGET', KEYS[1], 'spent') or '0'
`;

/** ARGV: id, worker, usd, limit, ttl. Returns {outcome, spent} (decideReserve() in shared-limits.ts). */
const RESERVE = `${BUDGET_PRELUDE}
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[5]), ARGV[2])
local spent_text = redis.call('HGET', KEYS[1], 'spent') or '0'
local spent, usd, limit = tonumber(spent_text), tonumber(ARGV[3]), tonumber(ARGV[4])
local reached = tonumber(redis.call('HGET', KEYS[1], 'reached') or '-1')
local reserved = 0
for _, amount in ipairs(redis.call('HVALS', KEYS[3])) do reserved = reserved + tonumber(amount) end
local outcome
if reached >= limit or spent + usd > limit then
  outcome = 'refused'
  redis.call('HSET', KEYS[1], 'reached', string.format('%.17g', math.max(reached, limit)))
elseif spent + reserved + usd <= limit then
  outcome = 'reserved'
  redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
  redis.call('HSET', KEYS[4], ARGV[1], ARGV[2])
else
  outcome = 'wait'
end
return {outcome, spent_text}
`;

/** ARGV: id, cost. Returns the spend. */
const SETTLE = `
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('HDEL', KEYS[4], ARGV[1])
return redis.call('HINCRBYFLOAT', KEYS[1], 'spent', ARGV[2])
`;

/** ARGV: worker. */
const LEAVE = `
local owners = redis.call('HGETALL', KEYS[4])
for i = 1, #owners, 2 do
  if owners[i + 1] == ARGV[1] then
    redis.call('HDEL', KEYS[3], owners[i])
    redis.call('HDEL', KEYS[4], owners[i])
  end
end
redis.call('ZREM', KEYS[2], ARGV[1])
return 0
`;

/** ARGV: worker, ttl. */
const RENEW = `${LUA_PRELUDE}
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), ARGV[1])
return 0
`;

const SCRIPTS = {
  take: TAKE,
  join: JOIN,
  reserve: RESERVE,
  settle: SETTLE,
  leave: LEAVE,
  renew: RENEW,
};
type ScriptName = keyof typeof SCRIPTS;

/** A Redis URL with its password replaced, fit to print. */
export const describeRedis = (url: string) => url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");

export class RedisLimits implements SharedLimits {
  private constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /** Connects, failing with the reason when Redis is not there (no endless reconnecting at start). */
  static async open(url: string, prefix: string): Promise<RedisLimits> {
    const { Redis } = await import("ioredis");
    let connected = false;
    let lastError: Error | undefined;
    const redis = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 3,
      connectTimeout: 5000,
      // Until connected, a failure is reported to the caller instead of retried in the background.
      retryStrategy: (times) => (connected ? Math.min(times * 100, 2000) : null),
    });
    redis.on("error", (error: Error) => {
      lastError = error;
    });
    try {
      await redis.connect();
      connected = true;
    } catch (error) {
      redis.disconnect();
      const reason = lastError?.message ?? (error as Error).message;
      throw new Error(`cannot reach Redis at ${describeRedis(url)}: ${reason}`, { cause: error });
    }
    for (const [name, lua] of Object.entries(SCRIPTS)) redis.defineCommand(name, { lua });
    return new RedisLimits(redis, prefix);
  }

  private run(name: ScriptName, keys: string[], args: Array<string | number>): Promise<unknown> {
    const command = (this.redis as unknown as Record<string, (...rest: unknown[]) => Promise<unknown>>)[name];
    if (!command) throw new Error(`Redis script ${name} is not defined`);
    return command.call(this.redis, keys.length, ...keys, ...args.map(String));
  }

  private bucketKey = (key: string) => `${this.prefix}bucket:${key}`;

  private budgetKeys(): string[] {
    return ["budget", "budget:workers", "budget:reserved", "budget:owners"].map((name) => this.prefix + name);
  }

  async take(takes: readonly BucketTake[], adjustments: readonly BucketAdjustment[] = []): Promise<number> {
    const specs = touched(takes, adjustments);
    const index = new Map(specs.map((spec, position) => [spec.key, position + 1]));
    const args = [
      ...specs.flatMap((spec) => [spec.ratePerMs, spec.size]),
      adjustments.length,
      ...adjustments.flatMap(({ bucket, give, most }) => [index.get(bucket.key) ?? 0, give, most ?? ""]),
      takes.length,
      ...takes.flatMap((take) => [index.get(take.key) ?? 0, take.amount]),
    ];
    return Number(
      await this.run(
        "take",
        specs.map((spec) => this.bucketKey(spec.key)),
        args,
      ),
    );
  }

  async adjust(adjustments: readonly BucketAdjustment[]): Promise<void> {
    await this.take([], adjustments);
  }

  async loadLearned(endpoint: string): Promise<LearnedLimits | undefined> {
    const text = await this.redis.hget(`${this.prefix}learned`, endpoint);
    return text ? (JSON.parse(text) as LearnedLimits) : undefined;
  }

  /** Read, merge, write: two workers writing at once both wrote readings of the same provider, either will do. */
  async saveLearned(endpoint: string, learned: LearnedLimits): Promise<void> {
    const merged = mergeLearned(await this.loadLearned(endpoint), learned);
    await this.redis
      .multi()
      .hset(`${this.prefix}learned`, endpoint, JSON.stringify(merged))
      .pexpire(`${this.prefix}learned`, 604_800_000)
      .exec();
  }

  async joinBudget(worker: string, spentBefore: number, ttlMs: number): Promise<number> {
    return Number(await this.run("join", this.budgetKeys(), [worker, spentBefore, ttlMs]));
  }

  async reserve(reservation: BudgetReserve): Promise<{ outcome: ReserveOutcome; spentUsd: number }> {
    const [outcome, spent] = (await this.run("reserve", this.budgetKeys(), [
      reservation.id,
      reservation.worker,
      reservation.usd,
      reservation.limitUsd,
      reservation.ttlMs,
    ])) as [ReserveOutcome, string];
    return { outcome, spentUsd: Number(spent) };
  }

  async settle(id: string, costUsd: number): Promise<number> {
    return Number(await this.run("settle", this.budgetKeys(), [id, costUsd]));
  }

  async renewBudget(worker: string, ttlMs: number): Promise<void> {
    await this.run("renew", this.budgetKeys(), [worker, ttlMs]);
  }

  async leaveBudget(worker: string): Promise<void> {
    await this.run("leave", this.budgetKeys(), [worker]);
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}
