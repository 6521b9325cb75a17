/** Every `brandlock` command, in the order help lists them. */
import type { CliCommand } from '../command';
import { lockCheck } from './lock-check';
import { briefCheck } from './brief-check';
import { plan } from './plan';
import { lockDiff } from './lock-diff';
import { lockSchema } from './lock-schema';

export const commands: CliCommand[] = [lockCheck, lockDiff, lockSchema, briefCheck, plan];
