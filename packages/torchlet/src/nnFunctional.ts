// torch.nn.functional, as torch.nn.F: the losses' functions (nn-module's F joins them here).
export * from './lossFunctional.js';
