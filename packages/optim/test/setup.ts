// What every optim test needs: the CPU backend and autograd.
import { cpu } from '@torchlet/cpu-backend';
import { availableDevices, registerBackend } from '@torchlet/tensor';
import '@torchlet/autograd';

if (!availableDevices().includes('cpu')) registerBackend(cpu());
