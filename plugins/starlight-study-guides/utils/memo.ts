import { detached } from './detached.ts';

/**
 * Remembers the results of a pure function by key, within a budget of entries
 * and of key characters (the least recently used go first). For work that
 * repeats within one generation and across the regenerations of `astro dev`;
 * the result must depend on the key alone.
 */
export function memo<V>(limits: { entries: number; keyChars: number }): (key: string, compute: () => V) => V {
  const entries = new Map<string, V>();
  let keyChars = 0;
  return (key, compute) => {
    if (entries.has(key)) {
      const value = entries.get(key)!;
      // Re-inserted, so it is the newest again.
      entries.delete(key);
      entries.set(key, value);
      return value;
    }
    const value = compute();
    // A key cut from a larger text would keep all of that text, beyond the budget.
    entries.set(detached(key), value);
    keyChars += key.length;
    while (entries.size > limits.entries || keyChars > limits.keyChars) {
      const oldest: string = entries.keys().next().value!;
      entries.delete(oldest);
      keyChars -= oldest.length;
    }
    return value;
  };
}
