/** Every `brandlock` command, in the order help lists them. */
import type { CliCommand } from '../command';
import { colorDiff } from './color-diff';
import { lockCheck } from './lock-check';
import { briefCheck } from './brief-check';
import { plan } from './plan';
import { produce } from './produce';
import { lockDiff } from './lock-diff';
import { lockSchema } from './lock-schema';
import { lutApply } from './lut-apply';
import { lutIcc } from './lut-icc';
import { lutInfo } from './lut-info';
import { serve } from './serve';
import { tokenCreate } from './token-create';
import { tokenList } from './token-list';
import { tokenRevoke } from './token-revoke';
import { qc } from './qc';
import { variants } from './variants';
import { paletteImport } from './palette-import';
import { paletteExport } from './palette-export';
import { paletteMeasure } from './palette-measure';

export const commands: CliCommand[] = [lockCheck, lockDiff, lockSchema, paletteImport, paletteMeasure, paletteExport, briefCheck, plan, produce, qc, variants, lutInfo, lutApply, lutIcc, colorDiff, serve, tokenCreate, tokenList, tokenRevoke];
