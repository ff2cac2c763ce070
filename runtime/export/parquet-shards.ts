// One split's Parquet shards, written a row group at a time (memory holds one group, whatever the split's size) and
// cut by size: a new shard starts before a group would take the current one past the limit. Shards are named
// `<split>-00000-of-0000N.parquet` once N is known: until the split is done they are `.partial` files.
import { rename } from "node:fs/promises";
import { join } from "node:path";
import type { SchemaElement } from "hyparquet";

/** Rows per row group at most; fewer when their bytes reach the group limit below. */
const GROUP_ROWS = 5000;
/** Uncompressed bytes per row group at most (the Hub's viewer reads a group at a time). */
const GROUP_BYTES = 32 * 1024 * 1024;

export interface Shard {
  path: string;
  rows: number;
  /** On disk. */
  bytes: number;
  /** The rows' uncompressed size, as the row groups record it. */
  uncompressedBytes: number;
}

/** The Hub's shard name: `<split>-<index>-of-<count>.parquet`, five digits each. */
export const shardName = (split: string, index: number, count: number): string =>
  `${split}-${String(index).padStart(5, "0")}-of-${String(count).padStart(5, "0")}.parquet`;

/** The names shardName makes, of any split (for clearing shards an earlier export left). */
export const SHARD_NAME = /^[a-z0-9_]+-\d{5}-of-\d{5}\.parquet$/;

type Writer = { offset: number };
type OpenShard = {
  parquet: import("hyparquet-writer").ParquetWriter;
  file: Writer;
  path: string;
  rows: number;
  groups: number;
  uncompressedBytes: number;
};

export class ParquetShards {
  private readonly done: Array<Omit<Shard, "path"> & { partial: string }> = [];
  private current: OpenShard | undefined;
  private batch: Array<Record<string, unknown>> = [];
  private batchBytes = 0;
  /** Bytes on disk per byte of rows, from the last group written (1 until then: assume no compression). */
  private ratio = 1;
  /** Footer bytes per row group (its column chunks' metadata), measured on each finished shard. */
  private footerPerGroup: number;

  private constructor(
    private readonly writer: typeof import("hyparquet-writer"),
    private readonly dir: string,
    private readonly split: string,
    private readonly schema: SchemaElement[],
    private readonly columnNames: string[],
    private readonly shardBytes: number,
  ) {
    // Until a shard is finished: about 100 bytes of metadata per leaf column per group.
    this.footerPerGroup = 100 * schema.filter((element) => element.type !== undefined).length;
  }

  /** `columnNames`: the schema's top-level columns. hyparquet-writer is loaded only when Parquet is asked for. */
  static async open(
    dir: string,
    split: string,
    schema: SchemaElement[],
    columnNames: string[],
    shardBytes: number,
  ): Promise<ParquetShards> {
    return new ParquetShards(await import("hyparquet-writer"), dir, split, schema, columnNames, shardBytes);
  }

  /** Add a row; `bytes` is its approximate uncompressed size. */
  async add(row: Record<string, unknown>, bytes: number): Promise<void> {
    this.batch.push(row);
    this.batchBytes += bytes;
    const groupBytes = Math.min(GROUP_BYTES, Math.max(1, Math.floor(this.shardBytes / 4)));
    if (this.batch.length >= GROUP_ROWS || this.batchBytes >= groupBytes) await this.flush();
  }

  private openShard(): OpenShard {
    const partial = join(this.dir, `${this.split}-${String(this.done.length).padStart(5, "0")}.parquet.partial`);
    const file = this.writer.fileWriter(partial);
    const parquet = new this.writer.ParquetWriter({
      writer: file,
      schema: this.schema,
      createdBy: "agentinstruct",
      // Min/max of texts filter nothing and would weigh on every group's footer entry.
      statistics: false,
    });
    return { parquet, file, path: partial, rows: 0, groups: 0, uncompressedBytes: 0 };
  }

  private async closeShard(): Promise<void> {
    const shard = this.current;
    if (!shard) return;
    const dataEnd = shard.file.offset;
    await shard.parquet.finish();
    this.footerPerGroup = (shard.file.offset - dataEnd) / Math.max(1, shard.groups);
    this.done.push({
      partial: shard.path,
      rows: shard.rows,
      bytes: shard.file.offset,
      uncompressedBytes: shard.uncompressedBytes,
    });
    this.current = undefined;
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const open = this.current;
    const predicted = (shard: OpenShard) =>
      shard.file.offset + this.batchBytes * this.ratio + (shard.groups + 1) * this.footerPerGroup;
    if (open && open.groups > 0 && predicted(open) > this.shardBytes) {
      await this.closeShard();
    }
    this.current ??= this.openShard();
    const shard = this.current;
    const before = shard.file.offset;
    const rows = this.batch;
    await shard.parquet.write({
      columnData: this.columnNames.map((name) => ({ name, data: rows.map((row) => row[name] ?? null) })),
      rowGroupSize: rows.length,
    });
    this.ratio = (shard.file.offset - before) / Math.max(1, this.batchBytes);
    const group = shard.parquet.row_groups.at(-1);
    shard.uncompressedBytes += Number(group?.total_byte_size ?? 0);
    shard.rows += rows.length;
    shard.groups += 1;
    this.batch = [];
    this.batchBytes = 0;
  }

  /** Write what is buffered, close the last shard and give every shard its final name. */
  async finish(): Promise<Shard[]> {
    await this.flush();
    await this.closeShard();
    const count = this.done.length;
    const shards: Shard[] = [];
    for (const [index, shard] of this.done.entries()) {
      const path = join(this.dir, shardName(this.split, index, count));
      await rename(shard.partial, path);
      shards.push({ path, rows: shard.rows, bytes: shard.bytes, uncompressedBytes: shard.uncompressedBytes });
    }
    return shards;
  }
}
