// torchvision.datasets: the image datasets (`datasets` of @torchlet/data, `torch.datasets`).
export type { TransformLike } from './transformLike.js';
export type { VisionDatasetOptions, VisionSample } from './visionDataset.js';
export { VisionDataset } from './visionDataset.js';
export type { Resource } from './mnist.js';
export { FashionMNIST, KMNIST, MNIST } from './mnist.js';
export { CIFAR10, CIFAR100 } from './cifar.js';
