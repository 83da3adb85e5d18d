// nn.utils.parameters_to_vector / vector_to_parameters.

import type { Tensor } from '@torchlet/tensor';
import { TorchTypeError, cat, isTensor } from '@torchlet/tensor';
import { noGrad } from '@torchlet/autograd';
import { typename } from '../module/typename.js';

function tensorsOf(parameters: Tensor | Iterable<Tensor>): Tensor[] {
  return isTensor(parameters) ? [parameters] : [...parameters];
}

/** PyTorch's check that every parameter lives on one device. */
function checkDevice(param: Tensor, device: string | null): string {
  if (device !== null && param.device !== device) throw new TorchTypeError('Found two parameters on different devices, this is currently not supported.');
  return param.device;
}

/**
 * `nn.utils.parameters_to_vector(parameters)`: the parameters flattened and concatenated into one vector.
 * @example nn.utils.parametersToVector(model.parameters()).shape // [numberOfParameters]
 */
export function parametersToVector(parameters: Tensor | Iterable<Tensor>): Tensor {
  let device: string | null = null;
  const parts = tensorsOf(parameters).map((p) => {
    device = checkDevice(p, device);
    return p.view(-1);
  });
  return cat(parts);
}

/**
 * `nn.utils.vector_to_parameters(vec, parameters)`: each parameter now views its slice of `vec`
 * (PyTorch's `param.data = vec[a:b].view_as(param)`).
 * @example nn.utils.vectorToParameters(v, model.parameters())
 */
export function vectorToParameters(vec: Tensor, parameters: Tensor | Iterable<Tensor>): void {
  if (!isTensor(vec)) throw new TorchTypeError(`expected torch.Tensor, but got: ${typename(vec)}`);
  let device: string | null = null;
  let pointer = 0;
  for (const p of tensorsOf(parameters)) {
    device = checkDevice(p, device);
    const n = p.numel();
    noGrad(() => p.set_(vec.detach().at([pointer, pointer + n]).viewAs(p)));
    pointer += n;
  }
}
