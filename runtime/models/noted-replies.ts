// The replies behind one answer. An answer is made of several calls (tool turns, follow-ups, code revisions), and
// a check that runs after them may drop it: the flow hands a responder this wrapper instead of the gateway, keeps
// the cache keys it noted with the answer, and forgets them when the answer is dropped, so no later run replays
// a dropped answer from the cache.
import type { Accept, CallContext, ChatRequest, ChatResult, JudgedResult, ModelGateway } from "./gateway.js";

export interface NotingGateway extends ModelGateway {
  /** The cache keys of the accepted replies returned so far, in call order. */
  readonly keys: readonly string[];
}

export function noteReplies(gateway: ModelGateway): NotingGateway {
  const keys: string[] = [];
  return {
    keys,
    async complete<T = ChatResult>(
      request: ChatRequest,
      context: CallContext,
      accept?: Accept<T>,
    ): Promise<JudgedResult<T>> {
      const result = await gateway.complete(request, context, accept);
      // A rejected reply was never cached: nothing to forget.
      if (result.verdict.ok) keys.push(result.cacheKey);
      return result;
    },
    forget: (cacheKeys) => gateway.forget(cacheKeys),
    modelFor: (role) => gateway.modelFor(role),
  };
}
