/**
 * Channel variants: make one frame per channel from the selected image, and export every variant
 * frame for its channel in one zip.
 */
import type { MainBus } from '../bus/main-bus';
import type { LoadedLock } from '../lock/loaded-lock';
import type { SelectionSummary } from '../../protocol/selection';
import { Progress } from '../components/basics';
import { Icon } from '../components/icons';
import { ExportSection, useExport } from '../variants/export-panel';

interface Props {
  main: MainBus;
  loaded: LoadedLock | null;
  selection: SelectionSummary | null;
}

export function VariantsScreen({ main, loaded, selection }: Props) {
  const lock = loaded?.lock;
  const exporter = useExport({
    main,
    selection,
    zipName: `${lock?.brand.id ?? 'brandlock'}-variants.zip`,
    meta: lock ? { brand: lock.brand.name, lockVersion: lock.version, lockHash: loaded!.hash } : {},
    refreshKey: 0,
  });
  return (
    <>
      <div class="content">
        <ExportSection state={exporter} />
      </div>
      <div class="footer">
        {exporter.busy ? (
          <>
            <Progress {...exporter.busy} />
            <button class="button" onClick={exporter.cancel}>Cancel</button>
          </>
        ) : (
          <>
            <span class="status-text">{exporter.frames.length ? `${exporter.frames.length} frames ready to export` : 'No variant frames yet'}</span>
            <button class="button primary" disabled={!exporter.frames.length} onClick={exporter.run}>
              <Icon name="download" /> Export all
            </button>
          </>
        )}
      </div>
    </>
  );
}
