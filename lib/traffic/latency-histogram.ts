// Latency percentiles in fixed memory: log-linear buckets (16 per power of two, ≤ ~6 % error), like HdrHistogram.

const SUB_BITS = 4;
const SUB = 1 << SUB_BITS;
// Microseconds up to 2^26 (~67 s); anything slower lands in the last bucket.
const MAX_EXPONENT = 26;
const BUCKETS = SUB + (MAX_EXPONENT - SUB_BITS) * SUB;

function bucketOf(micros: number): number {
  const v = Math.max(0, Math.floor(micros));
  if (v < SUB) return v;
  const exponent = Math.min(MAX_EXPONENT - 1, Math.floor(Math.log2(v)));
  const sub = Math.min(SUB - 1, Math.floor(v / 2 ** (exponent - SUB_BITS)) - SUB);
  return SUB + (exponent - SUB_BITS) * SUB + sub;
}

/** The middle of a bucket, in microseconds. */
function valueOf(bucket: number): number {
  if (bucket < SUB) return bucket;
  const exponent = Math.floor((bucket - SUB) / SUB) + SUB_BITS;
  const sub = (bucket - SUB) % SUB;
  const width = 2 ** (exponent - SUB_BITS);
  return (SUB + sub) * width + width / 2;
}

export class LatencyHistogram {
  private readonly counts = new Uint32Array(BUCKETS);
  private total = 0;

  record(ms: number): void {
    this.counts[bucketOf(ms * 1000)]! += 1;
    this.total += 1;
  }

  get count(): number {
    return this.total;
  }

  /** The q-quantile (0 < q ≤ 1) in milliseconds, or null with no samples. */
  percentile(q: number): number | null {
    if (this.total === 0) return null;
    const rank = Math.max(1, Math.ceil(q * this.total));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return valueOf(i) / 1000;
    }
    return valueOf(BUCKETS - 1) / 1000;
  }
}
