// The order PyTorch's CPU topk returns, ties included. topk sorts (value,
// index) pairs with GCC's standard library: partial_sort when k * 64 <= n,
// else nth_element and a sort of the first k - 1. Equal values come out in
// whatever order those algorithms leave them, so multinomial without
// replacement (which takes a topk) depends on it when zero weights tie; the
// selection algorithms (introselect, introsort, binary heaps) are redone here
// step for step.

/** Indices of the `k` largest of `values` (NaN largest), in the order PyTorch's CPU topk gives. */
export function topkIndices(values: Float64Array, k: number): number[] {
  const n = values.length;
  const idx = Array.from({ length: n }, (_, i) => i);
  const q = new Selection(values, idx);
  if (k * 64 <= n) q.partialSort(0, k, n);
  else {
    q.nthElement(0, k - 1, n);
    q.sort(0, k - 1);
  }
  return idx.slice(0, k);
}

/** log2 of a positive integer, rounded down (std::__lg). */
function lg(n: number): number {
  return 31 - Math.clz32(n);
}

class Selection {
  constructor(
    private readonly v: Float64Array,
    private readonly a: number[],
  ) {}

  /** PyTorch's comparator for largest: NaN first, then greater values. */
  private before(x: number, y: number): boolean {
    const vx = this.v[x]!;
    const vy = this.v[y]!;
    return (Number.isNaN(vx) && !Number.isNaN(vy)) || vx > vy;
  }

  private less(i: number, j: number): boolean {
    return this.before(this.a[i]!, this.a[j]!);
  }

  private swap(i: number, j: number): void {
    const t = this.a[i]!;
    this.a[i] = this.a[j]!;
    this.a[j] = t;
  }

  nthElement(first: number, nth: number, last: number): void {
    if (first === last || nth === last) return;
    let depth = lg(last - first) * 2;
    while (last - first > 3) {
      if (depth === 0) {
        this.heapSelect(first, nth + 1, last);
        this.swap(first, nth);
        return;
      }
      depth--;
      const cut = this.partitionPivot(first, last);
      if (cut <= nth) first = cut;
      else last = cut;
    }
    this.insertionSort(first, last);
  }

  sort(first: number, last: number): void {
    if (last - first <= 1) return;
    this.introsortLoop(first, last, lg(last - first) * 2);
    if (last - first > 16) {
      this.insertionSort(first, first + 16);
      for (let i = first + 16; i < last; i++) this.linearInsert(i);
    } else this.insertionSort(first, last);
  }

  partialSort(first: number, middle: number, last: number): void {
    this.heapSelect(first, middle, last);
    for (let end = middle; end - first > 1; ) {
      end--;
      this.popHeap(first, end, end);
    }
  }

  private introsortLoop(first: number, last: number, depth: number): void {
    while (last - first > 16) {
      if (depth === 0) {
        this.partialSort(first, last, last);
        return;
      }
      depth--;
      const cut = this.partitionPivot(first, last);
      this.introsortLoop(cut, last, depth);
      last = cut;
    }
  }

  /** Median of (first + 1, middle, last - 1) moved to first, then a Hoare partition around it. */
  private partitionPivot(first: number, last: number): number {
    const mid = first + Math.floor((last - first) / 2);
    this.medianToFirst(first, first + 1, mid, last - 1);
    let lo = first + 1;
    let hi = last;
    for (;;) {
      while (this.less(lo, first)) lo++;
      hi--;
      while (this.less(first, hi)) hi--;
      if (!(lo < hi)) return lo;
      this.swap(lo, hi);
      lo++;
    }
  }

  private medianToFirst(result: number, a: number, b: number, c: number): void {
    if (this.less(a, b)) {
      if (this.less(b, c)) this.swap(result, b);
      else if (this.less(a, c)) this.swap(result, c);
      else this.swap(result, a);
    } else if (this.less(a, c)) this.swap(result, a);
    else if (this.less(b, c)) this.swap(result, c);
    else this.swap(result, b);
  }

  private insertionSort(first: number, last: number): void {
    if (first === last) return;
    for (let i = first + 1; i < last; i++) {
      if (this.less(i, first)) {
        const val = this.a[i]!;
        for (let j = i; j > first; j--) this.a[j] = this.a[j - 1]!;
        this.a[first] = val;
      } else this.linearInsert(i);
    }
  }

  /** Moves a[last] left past the elements it goes before (a smaller one is known to exist on the left). */
  private linearInsert(last: number): void {
    const val = this.a[last]!;
    let next = last - 1;
    while (this.before(val, this.a[next]!)) {
      this.a[last] = this.a[next]!;
      last = next;
      next--;
    }
    this.a[last] = val;
  }

  private heapSelect(first: number, middle: number, last: number): void {
    this.makeHeap(first, middle);
    for (let i = middle; i < last; i++) if (this.less(i, first)) this.popHeap(first, middle, i);
  }

  private makeHeap(first: number, last: number): void {
    const len = last - first;
    if (len < 2) return;
    for (let parent = Math.floor((len - 2) / 2); ; parent--) {
      this.adjustHeap(first, parent, len, this.a[first + parent]!);
      if (parent === 0) return;
    }
  }

  /** Moves the heap top to `result` and re-heaps [first, last) with a[result]'s old value. */
  private popHeap(first: number, last: number, result: number): void {
    const value = this.a[result]!;
    this.a[result] = this.a[first]!;
    this.adjustHeap(first, 0, last - first, value);
  }

  private adjustHeap(first: number, hole: number, len: number, value: number): void {
    const top = hole;
    let child = hole;
    while (child < Math.floor((len - 1) / 2)) {
      child = 2 * (child + 1);
      if (this.less(first + child, first + child - 1)) child--;
      this.a[first + hole] = this.a[first + child]!;
      hole = child;
    }
    if ((len & 1) === 0 && child === Math.floor((len - 2) / 2)) {
      child = 2 * (child + 1);
      this.a[first + hole] = this.a[first + child - 1]!;
      hole = child - 1;
    }
    // push the value back up from the hole
    let parent = Math.floor((hole - 1) / 2);
    while (hole > top && this.before(this.a[first + parent]!, value)) {
      this.a[first + hole] = this.a[first + parent]!;
      hole = parent;
      parent = Math.floor((hole - 1) / 2);
    }
    this.a[first + hole] = value;
  }
}
