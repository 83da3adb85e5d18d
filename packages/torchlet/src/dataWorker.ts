// What every DataLoader worker of the umbrella package imports first: the CPU backend, as in the main thread.
import { cpu } from '@torchlet/cpu-backend';
import { availableDevices, registerBackend } from '@torchlet/tensor';

if (!availableDevices().includes('cpu')) registerBackend(cpu());
