// Random numbers: generators, PyTorch-identical CPU streams, and the random ops.
export { Generator, defaultGenerator, getRNGState, initialSeed, manualSeed, seed, setRNGState } from './generator.js';
export type { Seed } from './generator.js';
export type { GeneratorOptions, RandomBound } from './sampling.js';
export type { RandomOptions, RandomSizesAndOptions } from './creation.js';
export { normal, rand, randint, randintLike, randLike, randn, randnLike, randperm } from './creation.js';
export { bernoulli } from './bernoulli.js';
export { multinomial } from './multinomial.js';
