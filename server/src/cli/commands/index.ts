/** Every `brandlock` command, in the order help lists them. */
import type { CliCommand } from '../command';
import { lockCheck } from './lock-check';

export const commands: CliCommand[] = [lockCheck];
