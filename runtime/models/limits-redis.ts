// The shared limits' state in Redis (`redis` in the config, `--redis URL`), for workers anywhere. Each operation is
// one Lua script, which Redis runs atomically; every time is Redis's clock (TIME). Keys are the run's prefix
// (`agentinstruct:<run id>:`) plus what they hold. ioredis is loaded only when Redis is configured.
import type { Redis } from "ioredis";
import {
  type BucketSpec,
  type BucketTake,
  type BudgetReserve,
  type LearnedLimits,
  mergeLearned,
  type ReserveOutcome,
  type SharedLimits,
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

/** KEYS: the buckets; ARGV: rate, size, amount per bucket. Returns 0 (taken) or the ms to wait (waitFor()). */
const TAKE = `${LUA_PRELUDE}
local levels, wait = {}, 0
for i, key in ipairs(KEYS) do
  local rate, size, amount = tonumber(ARGV[i * 3 - 2]), tonumber(ARGV[i * 3 - 1]), tonumber(ARGV[i * 3])
  levels[i] = level_of(key, rate, size)
  local need = math.min(amount, size)
  if levels[i] < need then wait = math.max(wait, math.ceil((need - levels[i]) / rate)) end
end
if wait > 0 then return wait end
for i, key in ipairs(KEYS) do write(key, levels[i] - tonumber(ARGV[i * 3])) end
return 0
`;

/** KEYS: the bucket; ARGV: rate, size, amount, mode ("give" adds at most to full, "cap" lowers to at most). */
const ADJUST = `${LUA_PRELUDE}
local rate, size, amount = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local level = level_of(KEYS[1], rate, size)
if ARGV[4] == 'give' then write(KEYS[1], math.min(size, level + amount)) else write(KEYS[1], math.min(level, amount)) end
return 0
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
  redis.call('HSET', KEYS[1], 'spent', ARGV[2])
  redis.call('HDEL', KEYS[1], 'reached')
end
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[3]), ARGV[1])
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
  adjust: ADJUST,
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
    readonly where: string,
  ) {}

  /** Connects, failing with the reason when Redis is not there (no endless reconnecting at start). */
  static async open(url: string, prefix: string): Promise<RedisLimits> {
    const { Redis } = await import("ioredis");
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3, connectTimeout: 5000 });
    // Until connected, a failure is reported to the caller instead of retried in the background.
    redis.on("error", () => undefined);
    try {
      await redis.connect();
    } catch (error) {
      redis.disconnect();
      throw new Error(`cannot reach Redis at ${describeRedis(url)}: ${(error as Error).message}`, { cause: error });
    }
    for (const [name, lua] of Object.entries(SCRIPTS)) redis.defineCommand(name, { lua });
    return new RedisLimits(redis, prefix, describeRedis(url));
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

  async take(takes: readonly BucketTake[]): Promise<number> {
    const args = takes.flatMap((take) => [take.ratePerMs, take.size, take.amount]);
    return Number(
      await this.run(
        "take",
        takes.map((take) => this.bucketKey(take.key)),
        args,
      ),
    );
  }

  async give(spec: BucketSpec, amount: number): Promise<void> {
    await this.run("adjust", [this.bucketKey(spec.key)], [spec.ratePerMs, spec.size, amount, "give"]);
  }

  async cap(spec: BucketSpec, most: number): Promise<void> {
    await this.run("adjust", [this.bucketKey(spec.key)], [spec.ratePerMs, spec.size, most, "cap"]);
  }

  async loadLearned(endpoint: string): Promise<LearnedLimits | undefined> {
    const text = await this.redis.hget(`${this.prefix}learned`, endpoint);
    return text ? (JSON.parse(text) as LearnedLimits) : undefined;
  }

  /** Read, merge, write: two workers writing at once both wrote readings of the same provider, either will do. */
  async saveLearned(endpoint: string, learned: LearnedLimits): Promise<void> {
    const merged = mergeLearned(await this.loadLearned(endpoint), learned);
    await this.redis.hset(`${this.prefix}learned`, endpoint, JSON.stringify(merged));
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
