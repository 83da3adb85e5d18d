// The backend-conformance suite on the WebGPU backend (Dawn on SwiftShader in
// Node; Chromium's WebGPU in the browser project): every primitive and fast path
// for float32, int32 and bool over every stride pattern, against the oracle.

import { describeConformance } from 'backend-conformance';
import { webgpu } from './index.js';

describeConformance('webgpu', () => webgpu(), { subnormals: 'flush' });
