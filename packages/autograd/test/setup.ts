// What every autograd test needs: the CPU backend (and a second one, 'cpu2', for device moves) and autograd.
import { cpu } from '@torchlet/cpu-backend';
import { availableDevices, registerBackend } from '@torchlet/tensor';
import '../src/index.js';

if (!availableDevices().includes('cpu')) registerBackend(cpu());
if (!availableDevices().includes('cpu2')) registerBackend({ ...cpu(), device: 'cpu2' });
