// The extra_repr of ParameterList / ParameterDict: one line per entry.

import type { Tensor } from '@torchlet/tensor';
import { describeValue, isTensor } from '@torchlet/tensor';
import { Parameter } from '../parameter.js';

/**
 * `(key): Parameter containing: [torch.float32 of size 3x4]` lines, as PyTorch prints them;
 * `typeText` names a tensor's type (`torch.float32` in lists, `torch.FloatTensor` in dicts).
 * @example parameterLines([['0', p]], (t) => `torch.${t.dtype}`)
 */
export function parameterLines(entries: Iterable<[string, unknown]>, typeText: (t: Tensor) => string): string {
  const lines: string[] = [];
  for (const [k, p] of entries) {
    if (isTensor(p)) {
      const kind = p instanceof Parameter ? 'Parameter' : 'Tensor';
      lines.push(`  (${k}): ${kind} containing: [${typeText(p)} of size ${p.shape.join('x')}]`);
    } else lines.push(`  (${k}): Object of type: ${describeValue(p)}`);
  }
  return lines.join('\n');
}
