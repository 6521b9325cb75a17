/**
 * Runs ffmpeg or ffprobe to completion, collecting stdout and the last of stderr. A non-zero exit is
 * a VideoToolError carrying what the tool said; a missing binary is a VideoToolMissingError.
 */
import { spawn } from 'node:child_process';
import { childEnv } from '../../runtime/child-env';
import { VideoToolMissingError } from './video-tools';

export class VideoToolError extends Error {
  override name = 'VideoToolError';
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
  }
}

export interface RunToolOptions {
  signal?: AbortSignal;
  /** Bytes written to stdin, then closed. */
  stdin?: Uint8Array;
}

/** @example const { stdout } = await runTool('ffprobe', tools.ffprobe, ['-version']) */
export function runTool(tool: 'ffmpeg' | 'ffprobe', path: string, args: string[], options: RunToolOptions = {}): Promise<{ stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path, args, { stdio: [options.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'], env: childEnv(), signal: options.signal });
    const out: Buffer[] = [];
    let err = '';
    child.stdout!.on('data', (c: Buffer) => out.push(c));
    child.stderr!.on('data', (c: Buffer) => {
      err = (err + c.toString('utf8')).slice(-8000);
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') reject(new VideoToolMissingError(tool, path, `"${path}" was not found`));
      else reject(e);
    });
    child.on('close', (code, sig) => {
      if (code === 0) resolve({ stdout: Buffer.concat(out), stderr: err });
      else reject(new VideoToolError(`${tool} ${sig ? `was stopped (${sig})` : `exited ${code}`}: ${lastLines(err)}`, err));
    });
    if (options.stdin) {
      child.stdin!.on('error', () => undefined);
      child.stdin!.end(options.stdin);
    }
  });
}

/** The last few meaningful lines of a tool's stderr, for an error message. */
export function lastLines(text: string, n = 3): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.slice(-n).join(' | ').slice(0, 600) || 'no message';
}
