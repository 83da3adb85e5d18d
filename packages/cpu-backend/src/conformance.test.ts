// The backend-conformance suite on the CPU backend: every primitive and fast
// path, every dtype and stride pattern, against the suite's independent oracle.

import { describeConformance } from 'backend-conformance';
import { cpu } from './index.js';

describeConformance('cpu', () => cpu());
