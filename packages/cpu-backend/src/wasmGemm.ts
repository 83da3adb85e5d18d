// The WebAssembly SIMD GEMM kernels (f64x2 and f32x4), instantiated on first
// use from the bytes `wasmModule.ts` emits. Panels are packed straight into the
// module's memory, so one call computes a whole block of C without copies in.
// Where WebAssembly or its SIMD is missing, `wasmKernel` returns null and the
// GEMM core runs its TypeScript kernel.

import type { BlockKernel } from './gemmKernel.js';
import { gemmModuleBytes, tileShape } from './wasmModule.js';
import type { Lanes } from './wasmModule.js';

interface GemmExports {
  readonly memory: WebAssembly.Memory;
  macro(ap: number, bp: number, cp: number, mc: number, nc: number, kc: number): void;
}

const PAGE = 65536;
const instances = new Map<Lanes, GemmExports | null>();

/** Compiles (once) the module for `lanes`; null where the runtime lacks WebAssembly SIMD. */
function instance(lanes: Lanes): GemmExports | null {
  let inst = instances.get(lanes);
  if (inst === undefined) {
    inst = null;
    try {
      const bytes = gemmModuleBytes(lanes, 1);
      // the module is well under 4 KiB, so synchronous compilation is allowed on a browser's main thread too
      if (typeof WebAssembly === 'object' && WebAssembly.validate(bytes)) {
        inst = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as GemmExports;
      }
    } catch {
      inst = null;
    }
    instances.set(lanes, inst);
  }
  return inst;
}

/**
 * The SIMD block kernel for `lanes` (f64x2 accumulates in float64, f32x4 in
 * float32), or null where WebAssembly SIMD is unavailable.
 *
 * @example
 * const kernel = wasmKernel('f32') ?? tsKernel;
 */
export function wasmKernel(lanes: Lanes): BlockKernel | null {
  const inst = instance(lanes);
  if (!inst) return null;
  const { mr, nr, bytes } = tileShape(lanes);
  const View = lanes === 'f64' ? Float64Array : Float32Array;
  return {
    mr,
    nr,
    workspace(apLen, bpLen, cLen) {
      const need = (apLen + bpLen + cLen) * bytes;
      const have = inst.memory.buffer.byteLength;
      if (need > have) inst.memory.grow(Math.ceil((need - have) / PAGE));
      // views are taken after growing: growth detaches the previous buffer
      const buf = inst.memory.buffer;
      const ap = new View(buf, 0, apLen);
      const bp = new View(buf, apLen * bytes, bpLen);
      const c = new View(buf, (apLen + bpLen) * bytes, cLen);
      return {
        ap,
        bp,
        c,
        run(mc, nc, kc) {
          inst.macro(ap.byteOffset, bp.byteOffset, c.byteOffset, mc, nc, kc);
        },
      };
    },
  };
}
