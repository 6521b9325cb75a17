/**
 * What a run covers: this document, every open document, or a folder of files. The folder is
 * remembered between sessions (a persistent token), so the shoot or delivery folder is picked once;
 * a folder that moved is simply asked for again.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { FolderRef } from '../../ports/file-system';
import type { PanelServices } from '../panel-services';
import { Choice } from './choice';
import { FolderChoice } from './folder-choice';

export type ScopeKind = 'active' | 'open' | 'folder';

export interface BatchScopeState {
  kind: ScopeKind;
  setKind(kind: ScopeKind): void;
  folder: FolderRef | null;
  pick(): Promise<void>;
  /** A folder run needs its folder. */
  ready: boolean;
}

/** `folderKey` names the remembered folder (one per tab). */
export function useRememberedFolder(services: PanelServices, folderKey: string): { folder: FolderRef | null; pick(): Promise<void> } {
  const [folder, setFolder] = useState<FolderRef | null>(null);
  useEffect(() => {
    services.files.recallFolder(folderKey).then((f) => f && setFolder((current) => current ?? f), () => undefined);
  }, [services, folderKey]);
  return {
    folder,
    async pick() {
      const picked = await services.files.pickFolder();
      if (!picked) return;
      setFolder(picked);
      await services.files.rememberFolder(folderKey, picked).catch(() => undefined);
    },
  };
}

export function useBatchScope(services: PanelServices, folderKey: string): BatchScopeState {
  const [kind, setKind] = useState<ScopeKind>('active');
  const { folder, pick } = useRememberedFolder(services, folderKey);
  return { kind, setKind, folder, pick, ready: kind !== 'folder' || Boolean(folder) };
}

export function BatchScopeChoice(p: { scope: BatchScopeState; services: PanelServices; openCount: number; folderHint?: string }): JSX.Element {
  const { scope } = p;
  return (
    <div>
      <Choice<ScopeKind>
        label="Documents"
        value={scope.kind}
        onChange={scope.setKind}
        options={[
          { value: 'active', label: 'This one' },
          { value: 'open', label: `All open (${p.openCount})` },
          { value: 'folder', label: 'Folder…' },
        ]}
      />
      {scope.kind === 'folder' ? (
        <FolderChoice folder={scope.folder} hint={p.folderHint ?? 'Every JPEG, PNG, TIFF, PSD or WebP in it, opened without dialogs; the files are not changed.'} onChoose={scope.pick} />
      ) : null}
    </div>
  );
}
