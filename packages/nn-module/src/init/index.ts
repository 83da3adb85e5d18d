// nn.init: the initialisers of torch.nn.init.
export { calculateFanInAndFanOut, calculateGain } from './fan.js';
export {
  constant_, dirac_, eye_, kaimingNormal_, kaimingUniform_, normal_, ones_, orthogonal_, sparse_, truncNormal_, uniform_, xavierNormal_,
  xavierUniform_, zeros_,
} from './init.js';
