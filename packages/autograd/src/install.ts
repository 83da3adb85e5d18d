// What `import '@torchlet/autograd'` does: installs the recording hook in tensor's `traced`,
// the bridge behind Tensor's autograd members, the `requiresGrad` creation option and printing.

import type { Tensor } from '@torchlet/tensor';
import { printHooks, setAutogradBridge, setAutogradHook, setRequiresGradHook } from '@torchlet/tensor';
import { bridge, requireGradOnCreation } from './bridge.js';
import { isLeaf, metaOf, requiresGrad } from './meta.js';
import { recordingHook } from './record.js';
import { refreshView } from './views.js';

setAutogradHook(recordingHook);
setAutogradBridge(bridge);
setRequiresGradHook(requireGradOnCreation);
printHooks.extra = (t: Tensor) => {
  if (!requiresGrad(t)) return {};
  if (isLeaf(t)) return { requiresGrad: true };
  refreshView(t);
  return { gradFnName: metaOf(t)!.gradFn!.name() };
};
