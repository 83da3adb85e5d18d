// torchlet: `import * as torch from 'torchlet'` — everything, with the CPU backend registered.
import { registerBackend } from '@torchlet/tensor';
import { cpu } from '@torchlet/cpu-backend';

registerBackend(cpu());

export * from '@torchlet/tensor';
export { cpu };
