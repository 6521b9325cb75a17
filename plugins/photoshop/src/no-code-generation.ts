/**
 * UXP refuses code generation from strings (eval, new Function) unless a plugin asks for it, and this
 * one does not. zod compiles fast parsers with new Function when it may; jitless tells it not to try.
 * Imported first by the entry point (and by the Chromium preview, which runs under the same rule).
 */
import { config } from 'zod';

config({ jitless: true });
