// The engine decides access, so its refusals are the engine's own.
export { Forbidden, Unauthenticated } from '../es/index.js';
