// Fast non-cryptographic checksums: the saved index's integrity digest and each document's
// content hash. Neither guards against an adversary (a saved index is trusted input, like any
// file the user points at); they catch corruption and tell a changed document from an unchanged
// one. SHA-256 cost ~0.2–1 s per 260 MB index here (it is native, but the digest ran at only
// 0.3–1.1 GB/s on this machine, and a document's string had to be re-encoded as UTF-8 first).
//
// The block function is xxHash32's: four independent lanes over 16-byte blocks of little-endian
// 32-bit words (each lane multiply-rotate-multiply), so the CPU runs the lanes side by side: ~2.3
// GB/s here, against ~0.9–1.3 GB/s for MurmurHash3 x86_128's chained lanes (index format 3). The
// finish mixes every lane into all four output words. A string is hashed as its UTF-16LE bytes.
// Not byte-compatible with xxHash32 (tail and finalisation differ).

const P1 = 0x9e3779b1 | 0;
const P2 = 0x85ebca77 | 0;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The four 32-bit lanes; updated in place, one 16-byte block at a time. */
class Lanes {
  h1 = 0x9747b28c;
  h2 = 0x85ebca6b;
  h3 = 0xc2b2ae35;
  h4 = 0x27d4eb2f;

  /** Blocks of words[from, to) (to - from a multiple of 4). A tight loop: this is the hot path. */
  words(w: Int32Array, from: number, to: number): void {
    let { h1, h2, h3, h4 } = this;
    for (let i = from; i < to; i += 4) {
      h1 = (h1 + Math.imul(w[i], P2)) | 0;
      h1 = Math.imul((h1 << 13) | (h1 >>> 19), P1);
      h2 = (h2 + Math.imul(w[i + 1], P2)) | 0;
      h2 = Math.imul((h2 << 13) | (h2 >>> 19), P1);
      h3 = (h3 + Math.imul(w[i + 2], P2)) | 0;
      h3 = Math.imul((h3 << 13) | (h3 >>> 19), P1);
      h4 = (h4 + Math.imul(w[i + 3], P2)) | 0;
      h4 = Math.imul((h4 << 13) | (h4 >>> 19), P1);
    }
    this.h1 = h1;
    this.h2 = h2;
    this.h3 = h3;
    this.h4 = h4;
  }

  /** 128 bits (four words) from the lanes and the total length in bytes; `salt` varies the output. */
  finish(bytes: number, salt: number): [number, number, number, number] {
    let h1 = this.h1 ^ bytes ^ salt;
    let h2 = this.h2 ^ Math.floor(bytes / 4294967296);
    let h3 = this.h3 ^ salt;
    let h4 = this.h4;
    h1 = (h1 + h2 + h3 + h4) | 0;
    h2 = (h2 + h1) | 0;
    h3 = (h3 + h1) | 0;
    h4 = (h4 + h1) | 0;
    h1 = fmix(h1);
    h2 = fmix(h2);
    h3 = fmix(h3);
    h4 = fmix(h4);
    h1 = (h1 + h2 + h3 + h4) | 0;
    h2 = (h2 + h1) | 0;
    h3 = (h3 + h1) | 0;
    h4 = (h4 + h1) | 0;
    return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
  }
}

const COPY_BYTES = 1 << 20;
/** Where unaligned input is copied to be read as words; shared, allocated on first need. */
let copyArea: { bytes: Uint8Array; words: Int32Array } | undefined;

/** An incremental checksum over byte chunks of any length and alignment (like crypto's Hash). */
export class Checksum {
  private readonly lanes = new Lanes();
  /** Bytes not yet hashed (fewer than 16) between updates. */
  private readonly tail = new Uint8Array(16);
  private readonly tailWords = new Int32Array(this.tail.buffer);
  private pending = 0;
  private total = 0;

  update(chunk: Uint8Array): this {
    this.total += chunk.length;
    let at = 0;
    if (this.pending > 0) {
      const take = Math.min(16 - this.pending, chunk.length);
      this.tail.set(chunk.subarray(0, take), this.pending);
      this.pending += take;
      at = take;
      if (this.pending < 16) return this;
      this.lanes.words(this.tailWords, 0, 4);
      this.pending = 0;
    }
    const whole = (chunk.length - at) & ~15;
    if (whole > 0) {
      const offset = chunk.byteOffset + at;
      if (offset % 4 === 0) {
        this.lanes.words(new Int32Array(chunk.buffer, offset, whole >> 2), 0, whole >> 2);
      } else {
        // A word view needs 4-byte alignment: hash an aligned copy, one copy area at a time.
        const area = (copyArea ??= (() => {
          const bytes = new Uint8Array(COPY_BYTES);
          return { bytes, words: new Int32Array(bytes.buffer) };
        })());
        for (let p = 0; p < whole; p += COPY_BYTES) {
          const n = Math.min(COPY_BYTES, whole - p);
          area.bytes.set(chunk.subarray(at + p, at + p + n));
          this.lanes.words(area.words, 0, n >> 2);
        }
      }
      at += whole;
    }
    if (at < chunk.length) {
      this.tail.set(chunk.subarray(at), 0);
      this.pending = chunk.length - at;
    }
    return this;
  }

  /** The 32-byte digest (the saved index's digest field): two salted finishes of the 128-bit state. */
  digest(): Buffer {
    if (this.pending > 0) {
      this.tail.fill(0, this.pending, 16);
      this.lanes.words(this.tailWords, 0, 4);
    }
    const out = Buffer.alloc(32);
    const words = [...this.lanes.finish(this.total, 0), ...this.lanes.finish(this.total, 0x5bd1e995)];
    words.forEach((w, i) => out.writeUInt32LE(w, 4 * i));
    return out;
  }
}

export function createChecksum(): Checksum {
  return new Checksum();
}

/**
 * 128-bit hash of a string's UTF-16LE bytes, as 32 hex digits. Copying the string out as UTF-16
 * is a memcpy for CJK text (no UTF-8 encoding), then the word loop runs on the copy.
 */
export function hashText(text: string): string {
  return new Checksum().update(Buffer.from(text, 'utf16le')).digest().toString('hex', 0, 16);
}
