/** The selected image as features see it: a thumbnail, name, pixel size, and whether a subject box is known. */
import { useEffect, useMemo } from 'preact/hooks';
import type { SelectionSummary } from '../../protocol/selection';
import { Icon } from './icons';

export function SelectionCard({ selection, need = 'an image, or a frame that holds one', showSubject = true }: { selection: SelectionSummary | null; need?: string; showSubject?: boolean }) {
  const image = selection?.image;
  const thumb = useMemo(() => (image?.thumbnail ? URL.createObjectURL(new Blob([image.thumbnail as Uint8Array<ArrayBuffer>], { type: 'image/png' })) : null), [image?.thumbnail]);
  useEffect(() => () => {
    if (thumb) URL.revokeObjectURL(thumb);
  }, [thumb]);
  if (!image) {
    return (
      <div class="selection-card">
        <div class="thumb">
          <Icon name="image" />
        </div>
        <div class="grow">
          <div class="title">{selection && selection.count > 0 ? `${selection.firstName ?? 'Selection'} has no image` : 'Nothing selected'}</div>
          <div class="meta">Select {need}</div>
        </div>
      </div>
    );
  }
  return (
    <div class="selection-card">
      <div class="thumb">
        {thumb ? <img src={thumb} alt={`Thumbnail of ${image.nodeName}`} /> : <Icon name="image" />}
      </div>
      <div class="grow">
        <div class="title">{image.nodeName}</div>
        <div class="meta">
          {image.imageWidth} × {image.imageHeight} px{image.naming.sku ? ` · ${image.naming.sku}` : ''}
        </div>
      </div>
      {showSubject && (image.subject ? <span class="tag good">Subject marked</span> : <span class="tag">Subject auto</span>)}
    </div>
  );
}
