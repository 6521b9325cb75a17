/** A card with the chosen folder's path (or "No folder chosen"), a line about what happens there, and Choose…. */
import type { JSX } from 'preact';
import type { FolderRef } from '../../ports/file-system';

export function FolderChoice(p: { folder: FolderRef | null; hint: string; onChoose: () => void }): JSX.Element {
  return (
    <div class="card">
      <div class="row">
        <div class="grow">
          <div class="list-title">{p.folder ? p.folder.path : 'No folder chosen'}</div>
          <div class="list-sub">{p.hint}</div>
        </div>
        <sp-button variant="secondary" size="s" onClick={p.onChoose}>
          Choose…
        </sp-button>
      </div>
    </div>
  );
}
