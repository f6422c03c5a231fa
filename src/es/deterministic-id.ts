import { parse, v5 as uuidv5 } from 'uuid';

/** Parsed once: given as a string, uuid parses the namespace on every call. */
const NAMESPACE = parse('f1c5d6a2-3b7e-4c2a-9d8e-6b1f0a7c4e93');

/** The same parts always give the same UUID: how retried and redelivered work is recognised. */
export function deterministicId(...parts: Array<string | number>): string {
  return uuidv5(parts.join('\u001f'), NAMESPACE);
}

/** The id of the `index`th event a command produces. */
export function eventIdFor(commandId: string, index: number): string {
  return deterministicId('event', commandId, index);
}
