// A short tour of torchlet today: create tensors on the CPU, compute, and print
// them exactly as PyTorch prints. Run: pnpm demo (after pnpm build).
import * as torch from 'torchlet';

const show = (label, value) => console.log(`>>> ${label}\n${String(value)}\n`);

const x = torch.arange(12).reshape(3, 4);
show('x = torch.arange(12).reshape(3, 4)', x);
show('x.float().mean(1)', x.float().mean(1));
show('x.t().contiguous().stride()', `[${x.t().contiguous().stride().join(', ')}]`);

const a = torch.linspace(-2, 2, 5);
show('a = torch.linspace(-2, 2, 5)', a);
show('a.sigmoid()', a.sigmoid());
show('a.gelu()', a.gelu());
show("torch.tensor([1, 2, 3]).add(0.5)  (int64 + float scalar promotes to float32)", torch.tensor([1, 2, 3]).add(0.5));

const w = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]], { dtype: 'float64' });
const v = torch.tensor([1.0, 2.0, 3.0], { dtype: 'float64' });
show('w @ v (float64)', w.matmul(v));
show('broadcast: x + torch.tensor([10, 20, 30, 40])', x.add(torch.tensor([10, 20, 30, 40])));

const logits = torch.tensor([[2.0, 1.0, 0.1], [0.5, 2.5, -1.0]]);
show('logits.softmax(-1)', logits.softmax(-1));
const [values, indices] = logits.max(1);
show('logits.max(1).values', values);
show('logits.max(1).indices', indices);
show('torch.tensor([1e-5, 1, 1000.5])  (scientific notation, as PyTorch)', torch.tensor([1e-5, 1, 1000.5]));
show('torch.arange(2000).float()  (summarised)', torch.arange(2000).float());
const p = torch.tensor([1, 2, 3], { dtype: 'float32', requiresGrad: true });
show("p = torch.tensor([1, 2, 3], { dtype: 'float32', requiresGrad: true })", p);
const loss = p.mul(p).sum();
show('loss = p.mul(p).sum()', loss);
loss.backward();
show('loss.backward(); p.grad', p.grad);
show('torch.memory()', JSON.stringify(torch.memory()));

try {
  torch.ones(2, 3).matmul(torch.ones(4, 5));
} catch (e) {
  show('torch.ones(2, 3).matmul(torch.ones(4, 5))', `${e.name}: ${e.message}`);
}
