/**
 * LUT preview: pick one of the lock's LUTs, see the selected image before and after, and place the
 * graded version on a duplicate beside the original (the original is never changed). A Strength slider
 * mixes the grade with the original, in the preview as it moves and in the placed copy. The full-size
 * grade runs in bands with its progress in the footer and a Cancel button.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { MainBus } from '../bus/main-bus';
import type { LoadedLock } from '../lock/loaded-lock';
import type { SelectionSummary } from '../../protocol/selection';
import { errorMessage } from '../../bus/bus-errors';
import { Banner, EmptyState, Section } from '../components/basics';
import { SelectionCard } from '../components/selection-card';
import { decodeImageBytes, type DecodedImage } from '../image/canvas-image';
import { gradeImageBytes, gradePixels, loadCube } from '../lut/grade-image';
import { mixStrength } from '../lut/mix-strength';
import { attachCubes } from '../lock/read-lock-files';

interface Props {
  main: MainBus;
  loaded: LoadedLock | null;
  selection: SelectionSummary | null;
  active: boolean;
  onOpenConnect(): void;
  onLoaded(loaded: LoadedLock): void;
}

export function LutScreen({ main, loaded, selection, active, onOpenConnect, onLoaded }: Props) {
  const cubeInput = useRef<HTMLInputElement>(null);
  const luts = loaded?.lock.luts ?? [];
  const [lutId, setLutId] = useState<string | null>(null);
  const [source, setSource] = useState<{ hash: string; bytes: Uint8Array } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [strength, setStrength] = useState(100);
  const grading = useRef<AbortController | null>(null);
  // The 480 px preview, before and fully graded, so moving the slider only re-mixes.
  const [preview, setPreview] = useState<{ original: DecodedImage; graded: Uint8ClampedArray } | null>(null);
  const [message, setMessage] = useState<{ tone: 'info' | 'success' | 'danger'; text: string } | null>(null);
  const before = useRef<HTMLCanvasElement>(null);
  const after = useRef<HTMLCanvasElement>(null);
  const image = selection?.image ?? null;
  const chosen = luts.find((l) => l.id === lutId) ?? luts.find((l) => loaded?.cubes[l.id] !== undefined) ?? null;
  const cubeText = chosen && loaded ? loaded.cubes[chosen.id] : undefined;
  // Parsed once per file (cached by hash), not on every render.
  const cube = useMemo(() => (chosen ? loadCube(cubeText, chosen.file) : null), [chosen?.id, cubeText]);

  useEffect(() => {
    if (!active) return;
    if (!image) return setSource(null);
    if (source?.hash === image.imageHash) return;
    main.call('readImage', { imageHash: image.imageHash }).then(
      (r) => setSource({ hash: image.imageHash, bytes: r.bytes }),
      (e) => setMessage({ tone: 'danger', text: errorMessage(e) }),
    );
  }, [active, image?.imageHash]);

  useEffect(() => {
    setPreview(null);
    if (!source || !cube?.success) return;
    let live = true;
    decodeImageBytes(source.bytes, 480).then((img) => {
      if (!live) return;
      draw(before.current, img);
      setPreview({ original: img, graded: gradePixels({ ...img, data: new Uint8ClampedArray(img.data) }, cube.lut).data });
    }, (e) => setMessage({ tone: 'danger', text: errorMessage(e) }));
    return () => {
      live = false;
    };
  }, [source, chosen?.id, cube?.success]);

  useEffect(() => {
    if (preview) draw(after.current, { ...preview.original, data: mixStrength(preview.original.data, preview.graded, strength) });
  }, [preview, strength]);

  if (!loaded) {
    return (
      <div class="content">
        <EmptyState icon="lut" headline="No Brand Lock yet">
          Connect to your brandlock server or open the lock with its .cube files to preview the brand's grades.
          <div style="margin-top:12px"><button class="button primary" onClick={onOpenConnect}>Connect</button></div>
        </EmptyState>
      </div>
    );
  }

  const place = async () => {
    if (!image || !source || !cube?.success || !chosen) return;
    const controller = new AbortController();
    grading.current = controller;
    const progress = (done: number) => setBusy(`Grading at full size… ${Math.floor(done * 100)} %`);
    progress(0);
    setMessage(null);
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    try {
      const graded = await gradeImageBytes(source.bytes, cube.lut, { strength, signal: controller.signal, onProgress: progress });
      grading.current = null;
      setBusy('Placing the preview…');
      const placed = await main.call('placeLutPreview', { sourceNodeId: image.nodeId, imageHash: image.imageHash, bytes: graded.bytes, label: chosen.name, strength });
      setMessage({ tone: 'success', text: `Placed “${placed.name}” beside the original (${graded.width} × ${graded.height}).` });
    } catch (e) {
      setMessage(controller.signal.aborted ? { tone: 'info', text: 'Canceled: nothing was placed.' } : { tone: 'danger', text: errorMessage(e) });
    }
    grading.current = null;
    setBusy(null);
  };

  return (
    <>
      <div class="content">
        <Section>
          <SelectionCard selection={selection} showSubject={false} />
          {message && <div style="margin-top:8px"><Banner tone={message.tone}>{message.text}</Banner></div>}
        </Section>
        <Section title="LUT" aside={`${luts.length} in the lock`}>
          {luts.length === 0 && <div class="hint">This lock has no LUTs.</div>}
          <div class="stack">
            {luts.map((l) => {
              const open = loaded.cubes[l.id] !== undefined;
              return (
                <label class={`chip${chosen?.id === l.id ? ' on' : ''}`} style="height:auto;padding:6px 8px;align-items:flex-start" title={l.file}>
                  <input type="radio" name="lut" checked={chosen?.id === l.id} disabled={!open} onChange={() => {
                    setLutId(l.id);
                    setMessage(null);
                  }} style="margin-top:2px" />
                  <div class="grow">
                    <div class="row"><b style="font-weight:600">{l.name}</b><span class="tag">{l.use}</span></div>
                    <div class="muted">
                      {open ? l.notes || l.file : <>{l.file} is not open · <button class="link" onClick={() => cubeInput.current?.click()}>Open…</button></>}
                    </div>
                  </div>
                </label>
              );
            })}
          </div>
          <input ref={cubeInput} type="file" multiple accept=".cube" style="display:none" onChange={async (e) => {
            const files = [...((e.target as HTMLInputElement).files ?? [])];
            if (!files.length) return;
            const attached = await attachCubes(loaded, files);
            if (attached.notes.length) setMessage({ tone: 'danger', text: attached.notes.join(' ') });
            onLoaded(attached.loaded);
          }} />
          {cube && !cube.success && <div style="margin-top:8px"><Banner tone="danger">{cube.message}</Banner></div>}
        </Section>
        {image && cube?.success && (
          <Section title="Preview">
            <div class="compare">
              <figure><canvas ref={before} /><figcaption>Before</figcaption></figure>
              <figure><canvas ref={after} /><figcaption>{chosen?.name}{strength < 100 ? ` at ${strength} %` : ''}</figcaption></figure>
            </div>
            <div class="slider-row" style="margin-top:8px">
              <span>Strength</span>
              <input type="range" min={0} max={100} value={strength} aria-label="Strength" onInput={(e) => setStrength(Number(e.currentTarget.value))} />
              <span class="value" style="width:40px">{strength} %</span>
            </div>
          </Section>
        )}
      </div>
      <div class="footer">
        <span class="status-text">{busy ?? (image ? image.nodeName : 'Select an image')}</span>
        {grading.current && busy?.startsWith('Grading') && <button class="button" onClick={() => grading.current?.abort()}>Cancel</button>}
        <button class="button primary" disabled={!!busy || !image || !source || !cube?.success} onClick={place}>Place graded copy</button>
      </div>
    </>
  );
}

function draw(canvas: HTMLCanvasElement | null, img: DecodedImage) {
  if (!canvas) return;
  canvas.width = img.width;
  canvas.height = img.height;
  canvas.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(img.data), img.width, img.height), 0, 0);
}
