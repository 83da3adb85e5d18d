// After a deletion, list-like containers renumber their entries '0', '1', … (as PyTorch does).

/**
 * Re-keys `map` as '0', '1', … in its current order.
 * @example renumber(seq._modules)
 */
export function renumber<V>(map: Map<string, V>): void {
  const values = [...map.values()];
  map.clear();
  values.forEach((v, i) => map.set(String(i), v));
}
