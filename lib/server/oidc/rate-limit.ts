// Token bucket per environment, per replica: `rate` tokens per second, bursts up to 2 × rate.
// Answers how long to wait when empty (the Retry-After header).

interface Bucket {
  tokens: number;
  updatedAt: number;
}

const MAX_BUCKETS = 100_000;

export function createRateLimiter(rate: number) {
  const capacity = rate * 2;
  const buckets = new Map<string, Bucket>();
  return {
    /** 0 when allowed; otherwise seconds until one request would be allowed. */
    take(key: string, now = Date.now()): number {
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= MAX_BUCKETS) {
          const oldest = buckets.keys().next().value;
          if (oldest !== undefined) buckets.delete(oldest);
        }
        bucket = { tokens: capacity, updatedAt: now };
        buckets.set(key, bucket);
      } else {
        bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.updatedAt) / 1000) * rate);
        bucket.updatedAt = now;
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return (1 - bucket.tokens) / rate;
    },
  };
}
