process.env.VK_ICD_FILENAMES ??= '/usr/lib/chromium/vk_swiftshader_icd.json';
process.env.XDG_RUNTIME_DIR ??= '/tmp';
const torch = await import('torchlet');
const { webgpu } = await import('@torchlet/webgpu-backend');
const b = await webgpu();
torch.registerBackend(b);
const x = torch.ones([4], { device: 'webgpu' });
const y = torch.ones([4], { device: 'webgpu' });
const out = torch.empty([4], { device: 'webgpu' });
const v = x.backendView, w = y.backendView, o = out.backendView;
for (let r = 0; r < 40; r++) { for (let i = 0; i < 1000; i++) b.binary('add', v, w, o, 'float32'); await b.sync(); }
process.exit(0);
