// torch.Generator: a seedable source of random bits. The CPU generator is
// PyTorch's (mt19937 plus a cached second Box–Muller normal), with the same
// 5056-byte state layout, so PyTorch states load here and ours load in PyTorch.

import { RuntimeError, TorchTypeError } from '../errors.js';
import type { Device } from '../device.js';
import { fromValues } from '../creation.js';
import type { Tensor } from '../tensor.js';
import { MT19937, MT_N } from './mt19937.js';

/** `torch.Generator()`'s seed when none is given (PyTorch's default_rng_seed_val). */
const DEFAULT_RNG_SEED = 67280421310721n;
/** sizeof(CPUGeneratorImplState): the legacy POD, a float normal cache and its flag, padded. */
const STATE_BYTES = 5056;
/** sizeof(CPUGeneratorImplStateLegacy), which set_state also accepts. */
const LEGACY_STATE_BYTES = 5048;
/** Byte offsets inside the state (x86-64 layout of the C structs). */
const OFF_STATE = 24;
const OFF_NORMAL_Y = OFF_STATE + 8 * MT_N + 8;
const OFF_NORMAL_VALID = OFF_NORMAL_Y + 16;
const OFF_FLOAT_NORMAL = OFF_NORMAL_VALID + 4;
const OFF_FLOAT_VALID = OFF_FLOAT_NORMAL + 4;
/** A counter-based generator's state: seed and offset, uint64 each (as PyTorch's CUDA generator). */
const PHILOX_STATE_BYTES = 16;

/** What `manualSeed` accepts: an integer in [-2^63, 2^64), as PyTorch's `manual_seed`. */
export type Seed = number | bigint;

/** A seed as the uint64 PyTorch stores (negative seeds wrap), or PyTorch's error. */
export function seedToUint64(seed: Seed): bigint {
  if (typeof seed === 'number' && !Number.isInteger(seed)) {
    throw new RuntimeError('manual_seed expected a long, but got float');
  }
  const s = BigInt(seed);
  if (s < -(2n ** 63n) || s >= 2n ** 64n) throw new RuntimeError('Overflow when unpacking long');
  return BigInt.asUintN(64, s);
}

/** A non-deterministic 64-bit seed (PyTorch reads /dev/urandom). */
function nondeterministicSeed(): bigint {
  const words = new Uint32Array(2);
  const c = (globalThis as { crypto?: { getRandomValues?(a: Uint32Array): Uint32Array } }).crypto;
  if (c?.getRandomValues) c.getRandomValues(words);
  else for (let i = 0; i < 2; i++) words[i] = Math.floor(Math.random() * 2 ** 32);
  return (BigInt(words[0]!) << 32n) | BigInt(words[1]!);
}

/**
 * `torch.Generator(device='cpu')`: a random-number generator with its own
 * state. Pass it as `{ generator }` to any random op. On the CPU it is
 * PyTorch's mt19937 generator and reproduces PyTorch's CPU streams bit for bit.
 * On any other device it is counter-based, as PyTorch's CUDA generator: a seed
 * (the Philox4x32-10 key) and an offset (the next 128-bit block), and samples
 * are made on the device from the backend's `randomBits` (they are not
 * PyTorch's CUDA values). Its state is those two numbers, 16 bytes.
 * @example
 * const g = new torch.Generator().manualSeed(42);
 * torch.rand(2, { generator: g }); // tensor([0.8823, 0.9150]), as PyTorch
 */
export class Generator {
  /** The device whose tensors this generator fills. @example new torch.Generator().device // 'cpu' */
  readonly device: Device;
  /** @internal The engine (CPU). */
  engine: MT19937;
  /** @internal The second value of the last double Box–Muller pair, not yet returned. */
  nextDoubleNormal: number | undefined;
  /** @internal The float counterpart (kept only so states round-trip: CPU kernels never set it). */
  nextFloatNormal: number | undefined;

  /** @internal Counter-based generators (devices other than the CPU): the seed, i.e. the Philox key. */
  private philoxSeed = DEFAULT_RNG_SEED;
  /** @internal Counter-based generators: the 128-bit Philox block the next draw starts at. */
  philoxOffset = 0;

  constructor(device: Device = 'cpu') {
    this.device = device;
    this.engine = new MT19937(DEFAULT_RNG_SEED);
  }

  /** @internal Whether this is the CPU's mt19937 generator (else a counter-based one). */
  get isCpu(): boolean {
    return this.device === 'cpu';
  }

  /** @internal The Philox key: the seed's low and high 32-bit words. */
  get philoxKey(): [number, number] {
    return [Number(this.philoxSeed & 0xffffffffn), Number(this.philoxSeed >> 32n)];
  }

  /** `g.manual_seed(seed)`: restarts the stream from `seed`; returns the generator. @example new torch.Generator().manualSeed(0).initialSeed() // 0n */
  manualSeed(seed: Seed): this {
    const s = seedToUint64(seed);
    this.engine = new MT19937(s);
    this.philoxSeed = s;
    this.philoxOffset = 0;
    this.nextDoubleNormal = undefined;
    this.nextFloatNormal = undefined;
    return this;
  }

  /** `g.seed()`: reseeds from a non-deterministic source and returns the new seed. @example const s = g.seed(); g.initialSeed() === s // true */
  seed(): bigint {
    const s = nondeterministicSeed();
    this.manualSeed(s);
    return s;
  }

  /** `g.initial_seed()`: the seed the current stream started from (a uint64, as a bigint). @example new torch.Generator().manualSeed(-1).initialSeed() // 18446744073709551615n */
  initialSeed(): bigint {
    return this.isCpu ? this.engine.seed : this.philoxSeed;
  }

  /**
   * `g.get_state()`: the whole state as a uint8 tensor of 5056 bytes, laid out
   * as PyTorch's CPU generator state (`torch.get_rng_state()` of PyTorch loads here and back).
   * @example const s = g.getState(); torch.rand(2, { generator: g }); g.setState(s); // the same two numbers again
   */
  getState(): Tensor {
    if (!this.isCpu) {
      const bytes = new Uint8Array(PHILOX_STATE_BYTES);
      const dv = new DataView(bytes.buffer);
      dv.setBigUint64(0, this.philoxSeed, true);
      dv.setBigUint64(8, BigInt(this.philoxOffset), true);
      return fromValues(bytes, [PHILOX_STATE_BYTES], 'uint8', 'cpu');
    }
    const bytes = new Uint8Array(STATE_BYTES);
    const dv = new DataView(bytes.buffer);
    const e = this.engine;
    dv.setBigUint64(0, e.seed, true);
    dv.setInt32(8, e.left, true);
    dv.setInt32(12, 1, true); // seeded
    dv.setBigUint64(16, BigInt(e.next), true);
    for (let i = 0; i < MT_N; i++) dv.setBigUint64(OFF_STATE + 8 * i, BigInt(e.state[i]!), true);
    if (this.nextDoubleNormal !== undefined) {
      dv.setFloat64(OFF_NORMAL_Y, this.nextDoubleNormal, true);
      dv.setInt32(OFF_NORMAL_VALID, 1, true);
    }
    if (this.nextFloatNormal !== undefined) {
      dv.setFloat32(OFF_FLOAT_NORMAL, this.nextFloatNormal, true);
      bytes[OFF_FLOAT_VALID] = 1;
    }
    return fromValues(bytes, [STATE_BYTES], 'uint8', 'cpu');
  }

  /** `g.set_state(state)`: restores a state from `getState()` (or PyTorch's). @example g.setState(torch.getRNGState()) */
  setState(state: Tensor): this {
    if (state.dtype !== 'uint8' || state.device !== 'cpu') throw new TorchTypeError('RNG state must be a torch.ByteTensor');
    const n = state.numel();
    if (!this.isCpu) {
      if (n !== PHILOX_STATE_BYTES) throw new RuntimeError('RNG state is wrong size');
      const dv = new DataView(Uint8Array.from(state.contiguous().dataSync() as Uint8Array).buffer);
      this.philoxSeed = dv.getBigUint64(0, true);
      this.philoxOffset = Number(dv.getBigUint64(8, true));
      return this;
    }
    if (n !== STATE_BYTES && n !== LEGACY_STATE_BYTES) {
      throw new RuntimeError(
        `Expected either a CPUGeneratorImplStateLegacy of size ${LEGACY_STATE_BYTES} or a CPUGeneratorImplState of size ${STATE_BYTES} but found the input RNG state size to be ${n}`,
      );
    }
    const bytes = Uint8Array.from(state.contiguous().dataSync() as Uint8Array);
    const dv = new DataView(bytes.buffer);
    const engine = new MT19937(0n);
    engine.seed = dv.getBigUint64(0, true);
    engine.left = dv.getInt32(8, true);
    const seeded = dv.getInt32(12, true) !== 0;
    engine.next = Number(dv.getBigUint64(16, true) & 0xffffffffn);
    for (let i = 0; i < MT_N; i++) engine.state[i] = Number(dv.getBigUint64(OFF_STATE + 8 * i, true) & 0xffffffffn);
    if (!seeded || engine.left <= 0 || engine.left > MT_N || engine.next > MT_N) throw new RuntimeError('Invalid mt19937 state');
    this.engine = engine;
    this.nextDoubleNormal = dv.getInt32(OFF_NORMAL_VALID, true) !== 0 ? dv.getFloat64(OFF_NORMAL_Y, true) : undefined;
    this.nextFloatNormal = n === STATE_BYTES && bytes[OFF_FLOAT_VALID] !== 0 ? dv.getFloat32(OFF_FLOAT_NORMAL, true) : undefined;
    return this;
  }

  /** @internal `n` successive `random()` draws. */
  random32Array(n: number): Uint32Array {
    const out = new Uint32Array(n);
    this.engine.fill(out);
    return out;
  }

  /** @internal 32 random bits, as PyTorch's `random()`. */
  random(): number {
    return this.engine.next32();
  }

  /**
   * @internal The low 53 bits of PyTorch's `random64()` (first output high,
   * second low), as an exact double: what 53-bit uniforms use.
   */
  random53(): number {
    const hi = this.engine.next32();
    const lo = this.engine.next32();
    return (hi & 0x1fffff) * 4294967296 + lo;
  }

  /** @internal PyTorch's `random64()`: two outputs, the first in the high word. */
  random64(): bigint {
    const hi = this.engine.next32();
    const lo = this.engine.next32();
    return (BigInt(hi) << 32n) | BigInt(lo);
  }
}

/**
 * `torch.default_generator`: the generator random ops use when given none;
 * seeded non-deterministically at start-up, as PyTorch's.
 * @example torch.defaultGenerator.manualSeed(0)
 */
export const defaultGenerator = new Generator('cpu').manualSeed(nondeterministicSeed());

/** Default generators of other devices, made on first use. */
const deviceDefaults = new Map<Device, Generator>();
/** The last seed given to manualSeed/seed: device generators made later start from it, as in PyTorch. */
let lastSeed: bigint | undefined;

/** @internal The default generator of `device` (`torch.cuda.default_generators[i]` for other devices). */
export function defaultGeneratorFor(device: Device): Generator {
  if (device === 'cpu') return defaultGenerator;
  let g = deviceDefaults.get(device);
  if (g === undefined) {
    g = new Generator(device);
    if (lastSeed !== undefined) g.manualSeed(lastSeed);
    deviceDefaults.set(device, g);
  }
  return g;
}

/** `torch.manual_seed(seed)`: seeds the default generator of every device; returns the CPU one. @example torch.manualSeed(0); torch.rand(1) // tensor([0.4963]) */
export function manualSeed(seed: Seed): Generator {
  lastSeed = seedToUint64(seed);
  for (const g of deviceDefaults.values()) g.manualSeed(lastSeed);
  return defaultGenerator.manualSeed(lastSeed);
}

/** `torch.seed()`: reseeds every default generator non-deterministically; returns the seed. @example const s = torch.seed() */
export function seed(): bigint {
  const s = defaultGenerator.seed();
  manualSeed(s);
  return s;
}

/** `torch.initial_seed()`: the default CPU generator's current seed. @example torch.manualSeed(7); torch.initialSeed() // 7n */
export function initialSeed(): bigint {
  return defaultGenerator.initialSeed();
}

/** `torch.get_rng_state()`: the default CPU generator's state (uint8, 5056 bytes). @example const s = torch.getRNGState() */
export function getRNGState(): Tensor {
  return defaultGenerator.getState();
}

/** `torch.set_rng_state(state)`: restores the default CPU generator. @example torch.setRNGState(s) */
export function setRNGState(state: Tensor): void {
  defaultGenerator.setState(state);
}

/** @internal The generator an op uses for a tensor on `device`, or PyTorch's error for a generator of another device. */
export function generatorFor(device: Device, generator: Generator | undefined): Generator {
  if (generator === undefined) return defaultGeneratorFor(device);
  if (generator.device !== device) {
    throw new RuntimeError(`Expected a '${device}' device type for generator but found '${generator.device}'`);
  }
  return generator;
}
