import { it } from 'vitest';
import * as torch from 'torchlet';
it('smoke', () => {
  const a = torch.tensor([[1, 2], [3, 4]], { dtype: 'float32' });
  console.log(a.add(1).t().exp().toString(), a.dtype);
  console.log(torch.pow(2, a).toString());
});
