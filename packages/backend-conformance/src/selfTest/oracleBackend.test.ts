// The suite run on the oracle itself: every test must pass (a failure is a bug
// in the harness, or in a reference decomposition of @torchlet/tensor).

import { describeConformance } from '../index.js';
import { oracleBackend } from './oracleBackend.js';

describeConformance('oracle', () => oracleBackend());
