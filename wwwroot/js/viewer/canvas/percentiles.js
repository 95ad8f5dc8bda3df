// Percentiles of sample values by counting (a histogram over the whole integer range), so a million samples cost one
// pass and no sort.

/**
 * @param {Iterable<ArrayLike<number>>} arrays integer samples in 0..maxValue
 * @param {number} maxValue 255, 4095, 65535, …
 * @returns {{ low: number, high: number, samples: number } | null}
 */
export function percentiles(arrays, maxValue, lowPercent, highPercent, stride = 1) {
  const counts = new Uint32Array(maxValue + 1);
  let n = 0;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i += stride) {
      const v = a[i];
      counts[v > maxValue ? maxValue : v]++;
      n++;
    }
  }
  if (n === 0) return null;
  return { low: rank(counts, n, lowPercent), high: rank(counts, n, highPercent), samples: n };
}

// The smallest value with at least p % of the samples at or below it.
function rank(counts, n, p) {
  const target = Math.max(1, Math.ceil((p / 100) * n));
  let seen = 0;
  for (let v = 0; v < counts.length; v++) {
    seen += counts[v];
    if (seen >= target) return v;
  }
  return counts.length - 1;
}
