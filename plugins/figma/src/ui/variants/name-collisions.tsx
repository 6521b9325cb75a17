/**
 * Frames in scope that export to one file name (two sets made from one photo, say): listed as soon as
 * the frames are, before Export all is pressed, each frame named with where it is and a link that
 * selects it on the canvas, and what to do. Export all skips them and exports the rest.
 */
import type { MainBus } from '../bus/main-bus';
import type { VariantFrameInfo } from '../../protocol/variants';
import { MANIFEST_NAME, type NameCollision } from '../../export/find-name-collisions';
import { Banner } from '../components/basics';
import { FileName } from '../components/file-name';

export function NameCollisions({ collisions, main }: { collisions: NameCollision<VariantFrameInfo>[]; main: MainBus }) {
  if (!collisions.length) return null;
  const count = collisions.reduce((n, c) => n + c.frames.length, 0);
  const select = (frames: VariantFrameInfo[]) => void main.call('selectNodes', { nodeIds: frames.map((f) => f.nodeId) }).catch(() => undefined);
  return (
    <Banner tone="warning">
      <div>
        Export all skips {count} frames: a zip holds one file a name, and these share one.
      </div>
      <ul class="issues">
        {collisions.map((c) => (
          <li>
            <b class="mono"><FileName name={c.fileName} /></b>
            {c.fileName.toLowerCase() === MANIFEST_NAME ? ' is the name of the zip\'s manifest' : ''}:{' '}
            {c.frames.map((f, i) => (
              <>
                {i > 0 && (i === c.frames.length - 1 ? ' and ' : ', ')}
                <button class="link strong" title="Select this frame on the canvas" onClick={() => select([f])}>{f.frameName}</button>
                {' '}<span class="muted">{where(f)}</span>
              </>
            ))}
            {c.frames.length > 1 && <> · <button class="link" onClick={() => select(c.frames)}>Select all {c.frames.length}</button></>}
          </li>
        ))}
      </ul>
      <div>Delete the set you no longer need, or select one set and export Selected. A set made again with another view or colorway gets other file names.</div>
    </Banner>
  );
}

/** "in NF-1001 variants at 1200, 80 (id 12:34)": where a frame is, since two sets share frame names. */
function where(f: VariantFrameInfo): string {
  return `(${f.place.container ? `in ${f.place.container} ` : ''}at ${f.place.x}, ${f.place.y}; id ${f.nodeId})`;
}
