// What every checkpoint test needs: the CPU backend.
import { cpu } from '@torchlet/cpu-backend';
import { availableDevices, registerBackend } from '@torchlet/tensor';

if (!availableDevices().includes('cpu')) registerBackend(cpu());
