// What every DataLoader worker of the tests imports first: the CPU backend.
import { cpu } from '@torchlet/cpu-backend';
import { availableDevices, registerBackend } from '@torchlet/tensor';

if (!availableDevices().includes('cpu')) registerBackend(cpu());
