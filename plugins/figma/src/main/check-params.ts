/**
 * Light checks on what the UI sends. The UI is our own code, but it handles server data, so the
 * main thread refuses malformed requests with a clear message instead of half-building a document.
 */
import { PluginError } from '../bus/bus-errors';

export function requireString(value: unknown, what: string): string {
  if (typeof value !== 'string' || !value) throw new PluginError('bad-request', `${what}: expected a non-empty string`);
  return value;
}

export function requireBytes(value: unknown, what: string): Uint8Array {
  if (!(value instanceof Uint8Array) || value.length === 0) throw new PluginError('bad-request', `${what}: expected image bytes`);
  return value;
}

export function requireSize(value: unknown, what: string, max = 16384): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 1 || value > max) {
    throw new PluginError('bad-request', `${what}: expected a size from 1 to ${max} px, got ${String(value)}`);
  }
  return value;
}

export function requireArray<T>(value: unknown, what: string, max: number): T[] {
  if (!Array.isArray(value)) throw new PluginError('bad-request', `${what}: expected a list`);
  if (value.length > max) throw new PluginError('bad-request', `${what}: at most ${max} items, got ${value.length}`);
  return value as T[];
}
