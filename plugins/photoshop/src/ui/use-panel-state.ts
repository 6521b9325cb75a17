/**
 * What every tab sees, kept above the tabs: the server session (reconnected with the saved token when
 * the panel opens), the current brief, the active document with its brandlock XMP, and which SKU that
 * document is (its XMP, its name, or the retoucher's choice when neither says).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { BrandlockServer, CurrentBrief } from '../ports/brandlock-server';
import type { DocumentInfo } from '../ports/ps-host';
import type { PanelError } from '../errors/panel-error';
import { connect, savedConnection } from '../flows/connect';
import { identifyDocument, type DocumentIdentity, type IdentityChoice } from '../flows/document-identity/document-identity';
import { readDocumentXmp } from '../flows/document-identity/read-document-xmp';
import type { XmpProperties } from '../xmp/brandlock-xmp';
import type { PanelServices } from './panel-services';
import { asPanelError } from './as-panel-error';
import { useActiveDocument } from './use-active-document';

export type { IdentityChoice };

/**
 * The SKU (or swatch and category) and the view are separate answers: choosing one keeps the other,
 * so a retoucher who chose the view and then the SKU does not have to choose the view again. null
 * forgets both.
 */
function withChoice(old: IdentityChoice | undefined, choice: IdentityChoice | null): IdentityChoice {
  if (!choice) return {};
  const { view, ...sku } = choice;
  const { view: oldView, ...oldSku } = old ?? {};
  const kept = Object.keys(sku).length ? sku : oldSku;
  return view || oldView ? { ...kept, view: view || oldView } : kept;
}

export interface PanelState {
  session: BrandlockServer | null;
  setSession(s: BrandlockServer | null): void;
  reconnecting: boolean;
  /** undefined while loading; null when the server has no brief. */
  brief: CurrentBrief | null | undefined;
  briefError: PanelError | null;
  refreshBrief(): void;
  doc: DocumentInfo | null;
  /** How many documents are open, for "All open (n)". */
  openCount: number;
  docXmp: XmpProperties;
  identity: DocumentIdentity | null;
  /** The retoucher says which SKU (or swatch and category) the active document is, or which view. */
  chooseIdentity(choice: IdentityChoice | null): void;
  documentsChanged(): void;
}

export function usePanelState(services: PanelServices, initialSession: BrandlockServer | null | undefined): PanelState {
  const [session, setSession] = useState<BrandlockServer | null>(initialSession ?? null);
  const [reconnecting, setReconnecting] = useState(false);
  const [brief, setBrief] = useState<CurrentBrief | null | undefined>(undefined);
  const [briefError, setBriefError] = useState<PanelError | null>(null);
  const [briefVersion, setBriefVersion] = useState(0);
  const [refreshKey, setRefreshKey] = useState(0);
  const [docXmp, setDocXmp] = useState<XmpProperties>({});
  const [choices, setChoices] = useState<Record<number, IdentityChoice>>({});
  const [openCount, setOpenCount] = useState(0);
  const doc = useActiveDocument(services.ps, refreshKey);

  useEffect(() => {
    services.ps.documents().then((d) => setOpenCount(d.length), () => setOpenCount(0));
  }, [doc?.id, refreshKey]);

  useEffect(() => {
    if (initialSession !== undefined) return;
    let alive = true;
    savedConnection(services).then(async ({ url, token }) => {
      if (!url || !token) return;
      setReconnecting(true);
      try {
        const s = await connect(services, url, token);
        if (alive) setSession(s);
      } catch {
        // The Connect view shows the saved URL; connecting by hand reports the error.
      } finally {
        if (alive) setReconnecting(false);
      }
    });
    return () => {
      alive = false;
    };
  }, [services]);

  useEffect(() => {
    if (!session) return setBrief(undefined);
    let alive = true;
    session.currentBrief().then(
      (b) => alive && (setBrief(b), setBriefError(null)),
      (e) => alive && (setBrief(null), setBriefError(asPanelError(e))),
    );
    return () => {
      alive = false;
    };
  }, [session, briefVersion]);

  useEffect(() => {
    if (!doc) return setDocXmp({});
    let alive = true;
    readDocumentXmp(services.ps, doc.id).then(
      (x) => alive && setDocXmp((old) => (JSON.stringify(old) === JSON.stringify(x) ? old : x)),
      () => alive && setDocXmp({}),
    );
    return () => {
      alive = false;
    };
  }, [doc?.id, refreshKey]);

  const choice = doc ? choices[doc.id] : undefined;
  const identity = useMemo(() => {
    if (!doc || !session) return null;
    return identifyDocument({ title: doc.title, xmp: docXmp }, session.lock, brief ?? null, choice);
  }, [doc?.id, doc?.title, docXmp, session, brief, choice]);

  return {
    session,
    setSession,
    reconnecting,
    brief,
    briefError,
    refreshBrief: () => setBriefVersion((v) => v + 1),
    doc,
    openCount,
    docXmp,
    identity,
    chooseIdentity: (c) => doc && setChoices((all) => ({ ...all, [doc.id]: withChoice(all[doc.id], c) })),
    documentsChanged: () => setRefreshKey((k) => k + 1),
  };
}
