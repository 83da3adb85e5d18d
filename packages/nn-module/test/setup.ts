// Every nn-module test computes on the CPU backend, with autograd installed. Two more CPU
// backends stand in for other devices: 'cpu2' (every dtype) and 'int32only' (no int64 or
// float64, as WebGPU today) for the device moves of Module.to.
import { availableDevices, registerBackend } from '@torchlet/tensor';
import { cpu } from '@torchlet/cpu-backend';
import '@torchlet/autograd';

if (!availableDevices().includes('cpu')) registerBackend(cpu());
if (!availableDevices().includes('cpu2')) registerBackend({ ...cpu(), device: 'cpu2' });
if (!availableDevices().includes('int32only')) {
  const base = cpu();
  registerBackend({ ...base, device: 'int32only', dtypes: new Set([...base.dtypes].filter((d) => d !== 'int64' && d !== 'float64')) });
}
