// Exact-length reads from a ReadableStream, for formats read front to back.

/**
 * Reads a ReadableStream in pieces of the lengths asked for.
 * @example const r = new StreamReader(blob.stream()); const head = await r.readAtMost(8);
 */
export class StreamReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private pending: Uint8Array = new Uint8Array(0);
  private done = false;

  /** @example new StreamReader(response.body!, 'model.safetensors') */
  constructor(stream: ReadableStream<Uint8Array>, readonly name = '<stream>') {
    this.reader = stream.getReader();
  }

  /** The next `n` bytes, or fewer when the stream ends first. @example await r.readAtMost(8) */
  async readAtMost(n: number): Promise<Uint8Array> {
    if (this.pending.byteLength >= n) return this.take(n);
    const out = new Uint8Array(n);
    let have = 0;
    while (have < n) {
      if (this.pending.byteLength === 0 && !(await this.pull())) break;
      const piece = this.take(Math.min(n - have, this.pending.byteLength));
      out.set(piece, have);
      have += piece.byteLength;
    }
    return have === n ? out : out.subarray(0, have);
  }

  /** Reads to the end and says how many bytes were left. @example await r.countRest() // 0 */
  async countRest(): Promise<number> {
    let n = this.pending.byteLength;
    this.pending = new Uint8Array(0);
    while (await this.pull()) {
      n += this.pending.byteLength;
      this.pending = new Uint8Array(0);
    }
    return n;
  }

  /** Stops reading (cancels the rest of the stream). @example r.release() */
  release(): void {
    if (!this.done) void this.reader.cancel().catch(() => undefined);
    this.reader.releaseLock();
  }

  private take(n: number): Uint8Array {
    const out = this.pending.subarray(0, n);
    this.pending = this.pending.subarray(n);
    return out;
  }

  private async pull(): Promise<boolean> {
    if (this.done) return false;
    const { value, done } = await this.reader.read();
    if (done) {
      this.done = true;
      return false;
    }
    this.pending = value;
    return true;
  }
}
