/** Figma runs this file (code.js) when the plugin opens. */
import { startPlugin } from './start-plugin';

startPlugin(__html__);
