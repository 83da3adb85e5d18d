// Where a writer sends bytes, in order: memory, a WritableStream, or a file of a FileSystem.

/** A destination for bytes written in order. Writers never change a chunk once written, so a sink may keep it. */
export interface ByteSink {
  write(chunk: Uint8Array): Promise<void>;
}

/**
 * Collects the chunks written to it; `bytes()` joins them.
 * @example const sink = new MemorySink(); await sink.write(Uint8Array.of(1)); sink.bytes() // Uint8Array [1]
 */
export class MemorySink implements ByteSink {
  private chunks: Uint8Array[] = [];
  private length = 0;

  /** Keeps `chunk`. @example await sink.write(bytes) */
  write(chunk: Uint8Array): Promise<void> {
    this.chunks.push(chunk);
    this.length += chunk.byteLength;
    return Promise.resolve();
  }

  /** Everything written so far, in one array. @example sink.bytes().byteLength */
  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
    return out;
  }
}

/**
 * A ByteSink writing to a WritableStream (a browser download, an OPFS writable, a Node Writable
 * converted with `Writable.toWeb`). The caller closes the stream.
 * @example const w = stream.getWriter(); … ; or: await save(sd, streamSink(fileStream))
 */
export function streamSink(stream: WritableStream<Uint8Array>): ByteSink & { release(): void } {
  const writer = stream.getWriter();
  return {
    async write(chunk) {
      await writer.ready;
      await writer.write(chunk);
    },
    release: () => writer.releaseLock(),
  };
}
