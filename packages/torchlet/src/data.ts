// torch.utils.data, torch.datasets and torch.transforms: @torchlet/data. Every
// DataLoader worker imports ./dataWorker.js first, so that it computes on the
// CPU backend as the main thread does.
import * as data from '@torchlet/data';

data.registerWorkerModule(new URL('./dataWorker.js', import.meta.url));

/**
 * `torch.utils`: `torch.utils.data` (Dataset, DataLoader, samplers, …) is @torchlet/data.
 * @example const loader = new torch.utils.data.DataLoader(dataset, { batchSize: 64, shuffle: true });
 */
export const utils = { data } as const;
export { datasets, transforms } from '@torchlet/data';
