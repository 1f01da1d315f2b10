// A small binary codec for what crosses Redis: strings (UTF-8) and typed arrays, each with a
// length prefix. Typed arrays are stored in the machine's byte order; every host in a run must be
// little-endian (x86-64 and ARM64 are), which encode checks.

type Typed = Uint8Array | Uint16Array | Int32Array | Uint32Array | Float64Array;

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export class Writer {
  private parts: Buffer[] = [];
  private size = 0;

  constructor() {
    if (!LITTLE_ENDIAN) throw new Error('distributed runs need little-endian hosts');
  }

  u32(v: number): this {
    const b = Buffer.allocUnsafe(4);
    b.writeUInt32LE(v >>> 0, 0);
    return this.push(b);
  }

  str(s: string): this {
    const b = Buffer.from(s, 'utf8');
    this.u32(b.length);
    return this.push(b);
  }

  arr(a: Typed): this {
    this.u32(a.byteLength);
    return this.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  }

  private push(b: Buffer): this {
    this.parts.push(b);
    this.size += b.length;
    return this;
  }

  get length(): number {
    return this.size;
  }

  done(): Buffer {
    return Buffer.concat(this.parts, this.size);
  }
}

export class Reader {
  private at = 0;

  constructor(private readonly buf: Buffer) {}

  u32(): number {
    this.need(4);
    const v = this.buf.readUInt32LE(this.at);
    this.at += 4;
    return v;
  }

  str(): string {
    const n = this.u32();
    this.need(n);
    const s = this.buf.toString('utf8', this.at, this.at + n);
    this.at += n;
    return s;
  }

  u8(): Uint8Array {
    return new Uint8Array(this.bytes());
  }

  u16(): Uint16Array {
    return new Uint16Array(this.bytes());
  }

  i32(): Int32Array {
    return new Int32Array(this.bytes());
  }

  u32s(): Uint32Array {
    return new Uint32Array(this.bytes());
  }

  f64(): Float64Array {
    return new Float64Array(this.bytes());
  }

  get finished(): boolean {
    return this.at === this.buf.length;
  }

  /** A copy of the next length-prefixed bytes, as its own (aligned) ArrayBuffer. */
  private bytes(): ArrayBuffer {
    const n = this.u32();
    this.need(n);
    const out = new ArrayBuffer(n);
    new Uint8Array(out).set(this.buf.subarray(this.at, this.at + n));
    this.at += n;
    return out;
  }

  private need(n: number): void {
    if (this.at + n > this.buf.length) throw new Error('truncated record in Redis');
  }
}
