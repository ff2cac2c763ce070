// A seed that addresses an AI model or the pipeline is flagged: its text is still used (as data, between
// boundaries), but its records say so, and `status` counts such seeds, so a user can review or drop them.
// The patterns are phrases a document has little reason to contain unless it speaks to a model.

export const SUSPECTED_PROMPT_INJECTION = "suspected_prompt_injection";

const PATTERNS: RegExp[] = [
  /\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|the\s+)?(?:previous|prior|above|earlier|preceding|your)\s+(?:instructions?|prompts?|rules|directions|guidelines)/i,
  /\b(?:new|updated|real|actual)\s+(?:task|instructions?)\s+(?:from|by)\s+(?:the\s+)?(?:pipeline|operator|system|developer|admin)/i,
  /\b(?:pipeline|system)\s+operator\b/i,
  /\byou\s+are\s+(?:now\s+)?(?:an?\s+)?(?:ai|a\.i\.|language model|llm|chatbot|gpt|claude)\b/i,
  /\b(?:as\s+an?\s+)?(?:ai|language model|llm)\b[^.\n]{0,40}\b(?:must|should|will)\s+(?:answer|respond|reply|output|say)\b/i,
  /\b(?:system|developer)\s+prompt\b/i,
  /\bthe\s+correct\s+answer\s+to\s+(?:every|each|all|any)\s+question\b/i,
  /\b(?:respond|reply|answer)\s+only\s+with\b/i,
  /<\/?\s*(?:system|source_text|instructions?|prompt)\s*>/i,
  /\[\s*(?:system|inst)\s*\]|<\|(?:im_start|im_end|system|endoftext)\|>/i,
];

/** The flags a seed's text earns (empty when nothing looks aimed at a model). */
export function seedFlags(text: string): string[] {
  return PATTERNS.some((pattern) => pattern.test(text)) ? [SUSPECTED_PROMPT_INJECTION] : [];
}
