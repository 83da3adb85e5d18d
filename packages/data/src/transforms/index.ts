// torchvision.transforms for tensor images (`transforms` of @torchlet/data, `torch.transforms`).
export { Transform } from './transform.js';
export { Compose, Lambda } from './compose.js';
export { PILToTensor, ToTensor } from './toTensor.js';
export { Normalize } from './normalize.js';
export type { RandomCropOptions } from './randomCrop.js';
export { RandomCrop } from './randomCrop.js';
export type { PaddingMode } from './geometry.js';
export { RandomHorizontalFlip, RandomVerticalFlip } from './flip.js';
export type { Interpolation } from './affineGrid.js';
export type { RandomAffineOptions, RandomRotationOptions } from './randomAffine.js';
export { RandomAffine, RandomRotation } from './randomAffine.js';
export type { ColorJitterOptions } from './colorJitter.js';
export { ColorJitter } from './colorJitter.js';
