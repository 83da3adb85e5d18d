// The error classes live with the backend contract so that backends throw the
// same TorchError subclasses as tensor does.
export { AssertionError, AttributeError, IndexError, KeyError, NotImplementedError, RuntimeError, TorchError, TorchTypeError, ValueError } from './backend/errors.js';
