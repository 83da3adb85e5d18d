// Every nn-module test computes on the CPU backend, with autograd installed. A second CPU
// backend, 'cpu2', stands in for another device in the tests of Module.to.
import { availableDevices, registerBackend } from '@torchlet/tensor';
import { cpu } from '@torchlet/cpu-backend';
import '@torchlet/autograd';

if (!availableDevices().includes('cpu')) registerBackend(cpu());
if (!availableDevices().includes('cpu2')) registerBackend({ ...cpu(), device: 'cpu2' });
