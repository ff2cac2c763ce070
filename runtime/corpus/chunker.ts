// Streaming chunker: text arrives in pieces of any size and leaves as chunks of at most `maxChars`,
// cut at the best boundary available (paragraph, then line, then sentence, then word). It holds at
// most about two chunks in memory, so a 2 MB single-line file or a huge JSONL row is chunked, not dropped.

export interface ChunkOptions {
  /** Largest chunk, in characters. */
  maxChars: number;
  /** A final remainder shorter than this is merged into the chunk before it. */
  minChars: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { maxChars: 4000, minChars: 400 };

const BOUNDARIES: RegExp[] = [/\n[ \t]*\n/g, /\n/g, /[.!?]["')\]]?\s/g, /\s/g];

/** Where to cut `text` (length > maxChars): the last boundary of the strongest kind in the second half. */
export function cutPosition(text: string, maxChars: number): number {
  const window = text.slice(0, maxChars);
  const earliest = Math.floor(maxChars / 2);
  for (const boundary of BOUNDARIES) {
    let best = -1;
    for (const match of window.matchAll(boundary)) {
      const end = (match.index ?? 0) + match[0].length;
      if (end >= earliest) best = end;
    }
    if (best > 0) return best;
  }
  return maxChars;
}

export class Chunker {
  private buffer = "";
  private held: string | undefined;

  constructor(private readonly options: ChunkOptions) {
    if (options.maxChars < 2 * options.minChars) {
      throw new RangeError("chunk maxChars must be at least twice minChars");
    }
  }

  /** Feed a piece of text; returns the chunks it completed. */
  push(piece: string): string[] {
    const ready: string[] = [];
    // Take a huge piece a window at a time so the buffer (and each slice of it) stays small.
    const window = this.options.maxChars * 4;
    for (let start = 0; start < piece.length; start += window) {
      this.buffer += piece.slice(start, start + window);
      while (this.buffer.length > this.options.maxChars) {
        const cut = cutPosition(this.buffer, this.options.maxChars);
        this.emit(this.buffer.slice(0, cut), ready);
        this.buffer = this.buffer.slice(cut);
      }
    }
    return ready;
  }

  /** No more text: returns the last chunks. */
  end(): string[] {
    const ready: string[] = [];
    const rest = this.buffer;
    this.buffer = "";
    const held = this.held;
    this.held = undefined;
    if (held !== undefined && rest.trim().length > 0 && rest.trim().length < this.options.minChars) {
      // A short tail reads better as part of the chunk before it than as a seed of its own; the raw
      // text between them is kept, so no paragraph break is invented.
      const merged = (held + rest).trim();
      ready.push(...(merged.length <= this.options.maxChars * 1.5 ? [merged] : this.split(merged)));
      return ready;
    }
    if (held !== undefined) ready.push(held.trim());
    if (rest.trim().length > 0) ready.push(rest.trim());
    return ready;
  }

  /** Hold back the newest chunk (raw) until we know whether a short tail must join it. */
  private emit(chunk: string, ready: string[]): void {
    if (chunk.trim().length === 0) return;
    if (this.held !== undefined) ready.push(this.held.trim());
    this.held = chunk;
  }

  private split(text: string): string[] {
    const cut = cutPosition(text, this.options.maxChars);
    return [text.slice(0, cut).trim(), text.slice(cut).trim()].filter((part) => part.length > 0);
  }
}

/** Chunk a whole string at once (tests, small inputs). */
export function chunkText(text: string, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): string[] {
  const chunker = new Chunker(options);
  return [...chunker.push(text), ...chunker.end()];
}

/** The text a seed id is computed from: Unicode NFC, whitespace runs folded, trimmed. */
export function normalizeForId(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}
