/**
 * The fake's scene nodes. One class covers every node type the plugin creates or reads (DOCUMENT, PAGE,
 * SECTION, FRAME, RECTANGLE, ELLIPSE, TEXT); what a type may do follows Figma: only containers take
 * children, text needs its font loaded before any edit, property values are validated and come back as
 * frozen copies, auto-layout frames re-flow their children, and `exportAsync` renders real pixels.
 */
import { frozenCopy, validateExportSettings, validateLayoutGrids, validatePaints } from './fake-paints';
import { lineHeightPx, measureLineWidth, wrapText, type FontName } from './fake-text';
import type { FakeContext } from './fake-context';

export type NodeType = 'DOCUMENT' | 'PAGE' | 'SECTION' | 'FRAME' | 'RECTANGLE' | 'ELLIPSE' | 'TEXT' | 'STICKY';
type Sizing = 'FIXED' | 'HUG' | 'FILL';
type LineHeight = { unit: 'AUTO' } | { unit: 'PIXELS' | 'PERCENT'; value: number };

const CONTAINERS = new Set<NodeType>(['DOCUMENT', 'PAGE', 'SECTION', 'FRAME']);

export class FakeNode {
  readonly id: string;
  name: string;
  parent: FakeNode | null = null;
  removed = false;
  readonly children: FakeNode[] = [];
  visible = true;
  locked = false;
  opacity = 1;
  rotation = 0;
  cornerRadius = 0;
  strokeWeight = 1;
  clipsContent = true;
  layoutPositioning: 'AUTO' | 'ABSOLUTE' = 'AUTO';
  layoutGrow = 0;
  primaryAxisAlignItems: 'MIN' | 'CENTER' | 'MAX' | 'SPACE_BETWEEN' = 'MIN';
  counterAxisAlignItems: 'MIN' | 'CENTER' | 'MAX' | 'BASELINE' = 'MIN';
  fillStyleId = '';
  strokeStyleId = '';
  boundVariables: Record<string, unknown> = {};
  guides: readonly { axis: 'X' | 'Y'; offset: number }[] = [];
  textAlignHorizontal: 'LEFT' | 'CENTER' | 'RIGHT' | 'JUSTIFIED' = 'LEFT';
  textAlignVertical: 'TOP' | 'CENTER' | 'BOTTOM' = 'TOP';
  /** Selection of a PAGE node. */
  private _selection: FakeNode[] = [];
  private _x = 0;
  private _y = 0;
  private _w = 100;
  private _h = 100;
  private _fills: readonly unknown[] = [];
  private _strokes: readonly unknown[] = [];
  private _exportSettings: readonly unknown[] = [];
  private _layoutGrids: readonly unknown[] = [];
  private _layoutMode: 'NONE' | 'HORIZONTAL' | 'VERTICAL' = 'NONE';
  private _layoutWrap: 'NO_WRAP' | 'WRAP' = 'NO_WRAP';
  private _primarySizing: 'FIXED' | 'AUTO' = 'AUTO';
  private _counterSizing: 'FIXED' | 'AUTO' = 'AUTO';
  private _sizingH: Sizing = 'FIXED';
  private _sizingV: Sizing = 'FIXED';
  private _spacing = { item: 0, counter: 0, left: 0, right: 0, top: 0, bottom: 0 };
  private _chars = '';
  private _font: FontName = { family: 'Inter', style: 'Regular' };
  private _fontSize = 12;
  private _autoResize: 'NONE' | 'WIDTH_AND_HEIGHT' | 'HEIGHT' | 'TRUNCATE' = 'WIDTH_AND_HEIGHT';
  private _lineHeight: LineHeight = { unit: 'AUTO' };
  private _rangeFills: { start: number; end: number; fills: readonly unknown[] }[] | null = null;
  /** Private plugin data by plugin id: another id (a published build, another brand's build) sees none of it. */
  private readonly pluginData = new Map<string, Map<string, string>>();
  /** Shared plugin data by namespace: any plugin reads it. */
  private readonly sharedData = new Map<string, Map<string, string>>();
  private relaunch: Record<string, string> = {};

  /** A sticky's text (FigJam): edited like a text node, with its font loaded first. */
  readonly text: StickyText | null = null;
  /** A sticky's shape: square (240) or wide (416 x 240). */
  private _wide = false;

  constructor(
    readonly ctx: FakeContext,
    readonly type: NodeType,
  ) {
    this.id = ctx.nextId();
    if (type === 'STICKY') {
      this.text = new StickyText(ctx);
      this._w = 240;
      this._h = 240;
      this._fills = frozenCopy([{ type: 'SOLID', color: { r: 1, g: 0.85, b: 0.4 }, opacity: 1, visible: true, blendMode: 'NORMAL' }]);
    }
    this.name = { DOCUMENT: 'Document', PAGE: 'Page 1', SECTION: 'Section', FRAME: 'Frame', RECTANGLE: 'Rectangle', ELLIPSE: 'Ellipse', TEXT: 'Text', STICKY: 'Sticky' }[type];
    if (type === 'FRAME') this._fills = frozenCopy([{ type: 'SOLID', color: { r: 1, g: 1, b: 1 }, opacity: 1, visible: true, blendMode: 'NORMAL' }]);
    if (type === 'RECTANGLE' || type === 'ELLIPSE') this._fills = frozenCopy([{ type: 'SOLID', color: { r: 0.85, g: 0.85, b: 0.85 }, opacity: 1, visible: true, blendMode: 'NORMAL' }]);
    if (type === 'TEXT') {
      this._fills = frozenCopy([{ type: 'SOLID', color: { r: 0, g: 0, b: 0 }, opacity: 1, visible: true, blendMode: 'NORMAL' }]);
      this._w = 0;
      this._h = 0;
    }
  }

  // ---- identity, plugin data -------------------------------------------------------------------
  private alive(what: string) {
    if (this.removed) throw new Error(`The node (id ${this.id}) does not exist: cannot ${what} a removed node`);
  }
  private own(): Map<string, string> {
    const id = this.ctx.pluginId();
    if (!this.pluginData.has(id)) this.pluginData.set(id, new Map());
    return this.pluginData.get(id)!;
  }
  getPluginData(key: string): string {
    return this.own().get(key) ?? '';
  }
  setPluginData(key: string, value: string): void {
    this.alive('set plugin data on');
    if (this.ctx.pluginId().length + key.length + value.length > 100_000) throw new Error('setPluginData: entry exceeds 100 kB');
    if (value === '') this.own().delete(key);
    else this.own().set(key, String(value));
  }
  getPluginDataKeys(): string[] {
    return [...this.own().keys()];
  }
  private namespace(ns: string): Map<string, string> {
    if (typeof ns !== 'string' || !/^[A-Za-z0-9_.-]*$/.test(ns) || ns.replace(/[^A-Za-z0-9]/g, '').length < 3) {
      throw new Error(`in setSharedPluginData: namespace "${ns}" must be at least 3 alphanumeric characters`);
    }
    if (!this.sharedData.has(ns)) this.sharedData.set(ns, new Map());
    return this.sharedData.get(ns)!;
  }
  getSharedPluginData(ns: string, key: string): string {
    return this.namespace(ns).get(key) ?? '';
  }
  setSharedPluginData(ns: string, key: string, value: string): void {
    this.alive('set shared plugin data on');
    if (ns.length + key.length + value.length > 100_000) throw new Error('setSharedPluginData: entry exceeds 100 kB');
    if (value === '') this.namespace(ns).delete(key);
    else this.namespace(ns).set(key, String(value));
  }
  getSharedPluginDataKeys(ns: string): string[] {
    return [...this.namespace(ns).keys()];
  }
  setRelaunchData(data: Record<string, string>): void {
    for (const cmd of Object.keys(data)) {
      if (!this.ctx.relaunchCommands.has(cmd)) throw new Error(`setRelaunchData: command "${cmd}" is not in the manifest's relaunchButtons`);
    }
    this.relaunch = { ...data };
  }
  getRelaunchData(): Record<string, string> {
    return { ...this.relaunch };
  }

  // ---- tree ------------------------------------------------------------------------------------
  get isContainer() {
    return CONTAINERS.has(this.type);
  }
  appendChild(child: FakeNode): void {
    this.insertChild(this.children.length, child);
  }
  insertChild(index: number, child: FakeNode): void {
    this.alive('append to');
    if (!this.isContainer) throw new Error(`${this.type} nodes cannot have children`);
    if (child.type === 'DOCUMENT' || (child.type === 'PAGE') !== (this.type === 'DOCUMENT')) throw new Error(`Cannot put a ${child.type} node into a ${this.type} node`);
    for (let p: FakeNode | null = this; p; p = p.parent) if (p === child) throw new Error('Cannot make a node a child of itself');
    const old = child.parent;
    if (old) old.children.splice(old.children.indexOf(child), 1);
    this.children.splice(Math.max(0, Math.min(index, this.children.length)), 0, child);
    child.parent = this;
    if (old) old.reflow();
    this.reflow();
  }
  remove(): void {
    if (this.type === 'PAGE' || this.type === 'DOCUMENT') throw new Error('Cannot remove this node');
    const p = this.parent;
    if (p) p.children.splice(p.children.indexOf(this), 1);
    const mark = (n: FakeNode) => {
      n.removed = true;
      n.children.forEach(mark);
    };
    mark(this);
    this.parent = null;
    p?.reflow();
  }
  findAll(callback?: (n: FakeNode) => boolean): FakeNode[] {
    const out: FakeNode[] = [];
    const walk = (n: FakeNode) => {
      for (const c of n.children) {
        if (!callback || callback(c)) out.push(c);
        walk(c);
      }
    };
    walk(this);
    return out;
  }
  /**
   * As Figma's: nodes of one of `types`, with plugin data of this plugin (any key, or one of `keys`),
   * with shared plugin data in `namespace` (any key, or one of `keys`); every criterion given must hold.
   */
  findAllWithCriteria(criteria: { types?: NodeType[]; pluginData?: { keys?: string[] }; sharedPluginData?: { namespace: string; keys?: string[] } }): FakeNode[] {
    const has = (data: Map<string, string> | undefined, keys?: string[]) => !!data && (keys ? keys.some((k) => !!data.get(k)) : [...data.values()].some(Boolean));
    return this.findAll(
      (n) =>
        (!criteria.types || criteria.types.includes(n.type)) &&
        (!criteria.pluginData || has(n.pluginData.get(this.ctx.pluginId()), criteria.pluginData.keys)) &&
        (!criteria.sharedPluginData || has(n.sharedData.get(criteria.sharedPluginData.namespace), criteria.sharedPluginData.keys)),
    );
  }
  findOne(callback: (n: FakeNode) => boolean): FakeNode | null {
    return this.findAll(callback)[0] ?? null;
  }
  findChildren(callback?: (n: FakeNode) => boolean): FakeNode[] {
    return this.children.filter((c) => !callback || callback(c));
  }
  /** Figma puts clones under the current page; the caller moves them where they belong. */
  clone(): FakeNode {
    this.alive('clone');
    const copy = this.copyTree();
    this.ctx.currentPage().appendChild(copy);
    return copy;
  }
  private copyTree(): FakeNode {
    const copy = new FakeNode(this.ctx, this.type);
    for (const key of Object.keys(this) as (keyof this)[]) {
      if (['id', 'ctx', 'type', 'parent', 'children', 'removed', 'pluginData', 'sharedData', '_selection', 'text'].includes(key as string)) continue;
      const v = this[key] as unknown;
      const plain = v !== null && typeof v === 'object' && !Array.isArray(v) && !Object.isFrozen(v);
      (copy as unknown as Record<string, unknown>)[key as string] = plain ? { ...(v as object) } : v;
    }
    for (const [id, data] of this.pluginData) copy.pluginData.set(id, new Map(data));
    for (const [ns, data] of this.sharedData) copy.sharedData.set(ns, new Map(data));
    for (const c of this.children) {
      const cc = c.copyTree();
      copy.children.push(cc);
      cc.parent = copy;
    }
    return copy;
  }

  // ---- page selection --------------------------------------------------------------------------
  get selection(): readonly FakeNode[] {
    return Object.freeze(this._selection.filter((n) => !n.removed));
  }
  set selection(nodes: readonly FakeNode[]) {
    if (this.type !== 'PAGE') throw new Error('selection exists on pages only');
    for (const n of nodes) {
      let p: FakeNode | null = n;
      while (p && p.type !== 'PAGE') p = p.parent;
      if (p !== this) throw new Error(`Node ${n.id} is not on this page and cannot be selected`);
    }
    this._selection = [...nodes];
    this.ctx.emit('selectionchange');
  }
  async loadAsync(): Promise<void> {}

  // ---- geometry --------------------------------------------------------------------------------
  get x() {
    return this._x;
  }
  set x(v: number) {
    this._x = num(v, 'x');
  }
  get y() {
    return this._y;
  }
  set y(v: number) {
    this._y = num(v, 'y');
  }
  get width() {
    return this._w;
  }
  get height() {
    return this._h;
  }
  get isWideWidth() {
    return this._wide;
  }
  set isWideWidth(v: boolean) {
    if (this.type !== 'STICKY') throw new Error('isWideWidth exists on stickies only');
    this._wide = !!v;
    this._w = v ? 416 : 240;
  }
  resize(width: number, height: number): void {
    this.alive('resize');
    if (this.type === 'STICKY') throw new Error('in resize: stickies cannot be resized; set isWideWidth instead');
    if (!(width >= 0.01) || !(height >= 0.01)) throw new Error(`in resize: Expected width and height >= 0.01, got ${width} x ${height}`);
    if (this.type === 'PAGE' || this.type === 'DOCUMENT') throw new Error(`${this.type} nodes cannot be resized`);
    this._w = width;
    this._h = height;
    if (this.type === 'TEXT' && this._autoResize === 'WIDTH_AND_HEIGHT') this._autoResize = 'HEIGHT';
    if (this._layoutMode !== 'NONE') {
      if (this._layoutMode === 'HORIZONTAL') this.primaryAxisSizingMode = 'FIXED';
      else this.counterAxisSizingMode = 'FIXED';
      if (this._layoutMode === 'HORIZONTAL') this.counterAxisSizingMode = 'FIXED';
      else this.primaryAxisSizingMode = 'FIXED';
    }
    this.retext();
    this.reflow();
    this.parent?.reflow();
  }
  resizeWithoutConstraints(width: number, height: number): void {
    this.resize(width, height);
  }
  /** Called by layout: sets a size without changing sizing modes. */
  setLayoutSize(width: number, height: number): void {
    this._w = Math.max(0.01, width);
    this._h = Math.max(0.01, height);
    this.retext();
  }
  get absoluteBoundingBox() {
    let x = this._x;
    let y = this._y;
    for (let p = this.parent; p && p.type !== 'PAGE' && p.type !== 'DOCUMENT'; p = p.parent) {
      x += p._x;
      y += p._y;
    }
    return { x, y, width: this._w, height: this._h };
  }
  get absoluteTransform() {
    const b = this.absoluteBoundingBox;
    return [[1, 0, b.x], [0, 1, b.y]];
  }

  // ---- paints ----------------------------------------------------------------------------------
  get fills(): readonly unknown[] | symbol {
    if (this.type === 'TEXT' && this._rangeFills && this._rangeFills.length > 1) {
      const first = JSON.stringify(this._rangeFills[0].fills);
      if (this._rangeFills.some((r) => JSON.stringify(r.fills) !== first)) return this.ctx.mixed;
    }
    // A node bound to a paint style shows the style's paints; a bound variable shows its value.
    const style = this.fillStyleId ? this.ctx.styles.style(this.fillStyleId) : null;
    return this.resolveVariables(style ? style.paints : this._fills);
  }
  private resolveVariables(paints: readonly unknown[]): readonly unknown[] {
    if (!paints.some((p) => (p as { boundVariables?: { color?: unknown } }).boundVariables?.color)) return paints;
    return frozenCopy(paints.map((p) => {
      const id = (p as { boundVariables?: { color?: { id: string } } }).boundVariables?.color?.id;
      const color = id ? this.ctx.styles.resolveColor(id) : null;
      return color ? { ...(p as object), color } : p;
    }));
  }
  /** Binds a paint style as Figma's setFillStyleIdAsync does (the node then shows the style's paints). */
  async setFillStyleIdAsync(id: string): Promise<void> {
    this.alive('set a style on');
    if (id && !this.ctx.styles.style(id)) throw new Error(`setFillStyleIdAsync: no style ${id}`);
    this.fillStyleId = id;
  }
  set fills(v: readonly unknown[] | symbol) {
    this.alive('set fills on');
    if (this.type === 'TEXT') this.requireFonts('fills');
    validatePaints(v, this.ctx.images, 'fills');
    this._fills = frozenCopy(v as unknown[]);
    this._rangeFills = null;
    this.fillStyleId = '';
  }
  get strokes(): readonly unknown[] {
    return this._strokes;
  }
  set strokes(v: readonly unknown[]) {
    validatePaints(v, this.ctx.images, 'strokes');
    this._strokes = frozenCopy(v as unknown[]);
    this.strokeStyleId = '';
  }
  /** Test set-up: a paint style bound to this node, as a designer's file would have. */
  bindFillStyle(id: string) {
    this.fillStyleId = id;
  }
  get exportSettings(): readonly unknown[] {
    return this._exportSettings;
  }
  set exportSettings(v: readonly unknown[]) {
    validateExportSettings(v);
    this._exportSettings = frozenCopy(v as unknown[]);
  }
  get layoutGrids(): readonly unknown[] {
    return this._layoutGrids;
  }
  set layoutGrids(v: readonly unknown[]) {
    if (this.type !== 'FRAME') throw new Error('layoutGrids exist on frames only');
    if (this.ctx.editorType === 'figjam') throw new Error('fake figma: layout grids are a Figma Design feature');
    validateLayoutGrids(v);
    this._layoutGrids = frozenCopy(v as unknown[]);
  }
  async exportAsync(settings?: { format?: string; constraint?: { type: string; value: number } }): Promise<Uint8Array> {
    this.alive('export');
    if (settings) validateExportSettings([settings], 'exportAsync');
    return this.ctx.exportNode(this, settings ?? { format: 'PNG' });
  }

  // ---- auto layout -----------------------------------------------------------------------------
  get layoutMode() {
    return this._layoutMode;
  }
  set layoutMode(v: 'NONE' | 'HORIZONTAL' | 'VERTICAL') {
    if (this.type !== 'FRAME') throw new Error('layoutMode exists on frames only');
    // FigJam has no auto layout in its editor; whether the API applies it there is unverified, so the
    // fake refuses it and the plugin never depends on it in FigJam.
    if (this.ctx.editorType === 'figjam' && v !== 'NONE') throw new Error('fake figma: auto layout is not available in FigJam');
    const was = this._layoutMode;
    this._layoutMode = v;
    if (v !== 'NONE' && was === 'NONE') {
      // As in Figma: turning auto layout on for a frame made with createFrame() hugs along the
      // primary axis only; the counter axis keeps its fixed size (createAutoLayout hugs both).
      const hugH = v === 'HORIZONTAL';
      this._sizingH = this._sizingH === 'FILL' ? 'FILL' : hugH ? 'HUG' : 'FIXED';
      this._sizingV = this._sizingV === 'FILL' ? 'FILL' : hugH ? 'FIXED' : 'HUG';
      this._primarySizing = 'AUTO';
      this._counterSizing = 'FIXED';
    }
    this.reflow();
  }
  get layoutWrap() {
    return this._layoutWrap;
  }
  set layoutWrap(v: 'NO_WRAP' | 'WRAP') {
    if (v === 'WRAP' && this._layoutMode !== 'HORIZONTAL') throw new Error('layoutWrap WRAP needs layoutMode HORIZONTAL');
    this._layoutWrap = v;
    this.reflow();
  }
  get primaryAxisSizingMode() {
    return this._primarySizing;
  }
  set primaryAxisSizingMode(v: 'FIXED' | 'AUTO') {
    this._primarySizing = v;
    if (this._layoutMode === 'HORIZONTAL') this._sizingH = v === 'AUTO' ? 'HUG' : this._sizingH === 'FILL' ? 'FILL' : 'FIXED';
    if (this._layoutMode === 'VERTICAL') this._sizingV = v === 'AUTO' ? 'HUG' : this._sizingV === 'FILL' ? 'FILL' : 'FIXED';
    this.reflow();
  }
  get counterAxisSizingMode() {
    return this._counterSizing;
  }
  set counterAxisSizingMode(v: 'FIXED' | 'AUTO') {
    this._counterSizing = v;
    if (this._layoutMode === 'VERTICAL') this._sizingH = v === 'AUTO' ? 'HUG' : this._sizingH === 'FILL' ? 'FILL' : 'FIXED';
    if (this._layoutMode === 'HORIZONTAL') this._sizingV = v === 'AUTO' ? 'HUG' : this._sizingV === 'FILL' ? 'FILL' : 'FIXED';
    this.reflow();
  }
  get layoutSizingHorizontal(): Sizing {
    return this._sizingH;
  }
  set layoutSizingHorizontal(v: Sizing) {
    this.setSizing('H', v);
  }
  get layoutSizingVertical(): Sizing {
    return this._sizingV;
  }
  set layoutSizingVertical(v: Sizing) {
    this.setSizing('V', v);
  }
  private setSizing(axis: 'H' | 'V', v: Sizing) {
    if (v === 'FILL' && !(this.parent && this.parent._layoutMode !== 'NONE')) throw new Error('FILL can only be set on children of auto-layout frames');
    if (v === 'HUG' && !(this._layoutMode !== 'NONE' || this.type === 'TEXT')) throw new Error('HUG can only be set on auto-layout frames and text nodes');
    if (axis === 'H') this._sizingH = v;
    else this._sizingV = v;
    if (this.type === 'TEXT' && v === 'HUG') this._autoResize = axis === 'H' ? 'WIDTH_AND_HEIGHT' : this._autoResize === 'NONE' ? 'HEIGHT' : this._autoResize;
    if (this._layoutMode !== 'NONE' && v !== 'FILL') {
      const primary = (this._layoutMode === 'HORIZONTAL') === (axis === 'H');
      if (primary) this._primarySizing = v === 'HUG' ? 'AUTO' : 'FIXED';
      else this._counterSizing = v === 'HUG' ? 'AUTO' : 'FIXED';
    }
    this.parent?.reflow();
    this.reflow();
  }
  get itemSpacing() {
    return this._spacing.item;
  }
  set itemSpacing(v: number) {
    this._spacing.item = v;
    this.reflow();
  }
  get counterAxisSpacing() {
    return this._spacing.counter;
  }
  set counterAxisSpacing(v: number) {
    this._spacing.counter = v;
    this.reflow();
  }
  get paddingLeft() {
    return this._spacing.left;
  }
  set paddingLeft(v: number) {
    this._spacing.left = v;
    this.reflow();
  }
  get paddingRight() {
    return this._spacing.right;
  }
  set paddingRight(v: number) {
    this._spacing.right = v;
    this.reflow();
  }
  get paddingTop() {
    return this._spacing.top;
  }
  set paddingTop(v: number) {
    this._spacing.top = v;
    this.reflow();
  }
  get paddingBottom() {
    return this._spacing.bottom;
  }
  set paddingBottom(v: number) {
    this._spacing.bottom = v;
    this.reflow();
  }
  /** Re-flows this frame (if auto layout) and every auto-layout ancestor. */
  reflow(): void {
    for (let n: FakeNode | null = this; n; n = n.parent) if (n._layoutMode !== 'NONE') this.ctx.layout(n);
  }

  // ---- text ------------------------------------------------------------------------------------
  private requireFonts(what: string) {
    if (!this.ctx.isFontLoaded(this._font)) {
      throw new Error(`in set_${what}: Cannot write to node with unloaded font "${this._font.family} ${this._font.style}". Please call figma.loadFontAsync({ family: "${this._font.family}", style: "${this._font.style}" }) and await the returned promise first.`);
    }
  }
  private textOnly(what: string) {
    if (this.type !== 'TEXT') throw new Error(`${what} exists on text nodes only`);
  }
  get characters() {
    return this._chars;
  }
  set characters(v: string) {
    this.textOnly('characters');
    this.requireFonts('characters');
    this._chars = String(v);
    this._rangeFills = null;
    this.retext();
    this.parent?.reflow();
  }
  /**
   * The whole text's link, as TextNode.hyperlink: a URL or a node, null for none. Changing it is a text
   * edit, so the font must be loaded first.
   */
  get hyperlink(): { type: 'URL' | 'NODE'; value: string } | null {
    return this._hyperlink;
  }
  set hyperlink(v: { type: 'URL' | 'NODE'; value: string } | null) {
    this.textOnly('hyperlink');
    this.requireFonts('hyperlink');
    if (v !== null && (!v || (v.type !== 'URL' && v.type !== 'NODE') || typeof v.value !== 'string' || !v.value)) {
      throw new Error('in set_hyperlink: Expected {type: "URL" | "NODE", value: string} or null');
    }
    this._hyperlink = v ? { type: v.type, value: v.value } : null;
  }
  private _hyperlink: { type: 'URL' | 'NODE'; value: string } | null = null;
  get fontName(): FontName {
    return { ...this._font };
  }
  set fontName(v: FontName) {
    this.textOnly('fontName');
    if (!this.ctx.isFontLoaded(v)) throw new Error(`in set_fontName: Cannot use unloaded font "${v.family} ${v.style}"`);
    this._font = { family: v.family, style: v.style };
    this.retext();
    this.parent?.reflow();
  }
  get hasMissingFont() {
    return !this.ctx.isFontAvailable(this._font);
  }
  get fontSize() {
    return this._fontSize;
  }
  set fontSize(v: number) {
    this.textOnly('fontSize');
    this.requireFonts('fontSize');
    if (!(v >= 1)) throw new Error(`in set_fontSize: Expected a number >= 1, got ${v}`);
    this._fontSize = v;
    this.retext();
    this.parent?.reflow();
  }
  get lineHeight(): LineHeight {
    return { ...this._lineHeight };
  }
  set lineHeight(v: LineHeight) {
    this.requireFonts('lineHeight');
    this._lineHeight = { ...v };
    this.retext();
  }
  get textAutoResize() {
    return this._autoResize;
  }
  set textAutoResize(v: 'NONE' | 'WIDTH_AND_HEIGHT' | 'HEIGHT' | 'TRUNCATE') {
    this.textOnly('textAutoResize');
    this.requireFonts('textAutoResize');
    this._autoResize = v;
    if (v === 'WIDTH_AND_HEIGHT') this._sizingH = 'HUG';
    this.retext();
    this.parent?.reflow();
  }
  /** The wrapped lines as laid out now (the fake's stand-in for Figma's text shaping). */
  get textLines(): string[] {
    if (this._autoResize === 'WIDTH_AND_HEIGHT') return this._chars.split('\n');
    return wrapText(this._chars, this._w, this._fontSize, this._font);
  }
  private retext() {
    if (this.type !== 'TEXT') return;
    const lh = lineHeightPx(this._fontSize, this._lineHeight);
    if (this._autoResize === 'WIDTH_AND_HEIGHT') {
      const lines = this._chars.split('\n');
      this._w = Math.max(0, ...lines.map((l) => measureLineWidth(l, this._fontSize, this._font)));
      this._h = lines.length * lh;
    } else if (this._autoResize === 'HEIGHT') {
      this._h = wrapText(this._chars, this._w, this._fontSize, this._font).length * lh;
    }
  }
  getRangeAllFontNames(_start: number, _end: number): FontName[] {
    this.textOnly('getRangeAllFontNames');
    return [{ ...this._font }];
  }
  getStyledTextSegments(fields: string[], start = 0, end = this._chars.length) {
    this.textOnly('getStyledTextSegments');
    const all = this._rangeFills ?? [{ start: 0, end: this._chars.length, fills: this._fills }];
    const ranges = all
      .filter((r) => r.end > start && r.start < end)
      .map((r) => ({ ...r, start: Math.max(r.start, start), end: Math.min(r.end, end) }));
    return ranges.map((r) => {
      const seg: Record<string, unknown> = { characters: this._chars.slice(r.start, r.end), start: r.start, end: r.end };
      if (fields.includes('fills')) seg.fills = r.fills;
      if (fields.includes('fillStyleId')) seg.fillStyleId = '';
      return seg;
    });
  }
  setRangeFills(start: number, end: number, fills: readonly unknown[]) {
    this.textOnly('setRangeFills');
    this.requireFonts('rangeFills');
    if (start < 0 || end > this._chars.length || start >= end) throw new Error(`setRangeFills: range ${start}..${end} is outside the text (length ${this._chars.length})`);
    validatePaints(fills, this.ctx.images, 'rangeFills');
    const ranges = this._rangeFills ?? [{ start: 0, end: this._chars.length, fills: this._fills }];
    const next: { start: number; end: number; fills: readonly unknown[] }[] = [];
    for (const r of ranges) {
      if (r.end <= start || r.start >= end) next.push(r);
      else {
        if (r.start < start) next.push({ ...r, end: start });
        if (r.end > end) next.push({ ...r, start: end });
      }
    }
    next.push({ start, end, fills: frozenCopy(fills as unknown[]) });
    next.sort((a, b) => a.start - b.start);
    this._rangeFills = next;
    this._fills = next[0].fills;
  }
}

function num(v: number, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`in set_${what}: Expected a finite number, got ${v}`);
  return v;
}

/** The text inside a FigJam sticky: Inter Medium by default, and like any text it needs its font loaded. */
export class StickyText {
  private _chars = '';
  fontName: FontName = { family: 'Inter', style: 'Medium' };
  fontSize = 16;
  constructor(private readonly ctx: FakeContext) {}
  get characters() {
    return this._chars;
  }
  set characters(v: string) {
    if (!this.ctx.isFontLoaded(this.fontName)) {
      throw new Error(`in set_characters: Cannot write to node with unloaded font "${this.fontName.family} ${this.fontName.style}". Please call figma.loadFontAsync({ family: "${this.fontName.family}", style: "${this.fontName.style}" }) and await the returned promise first.`);
    }
    this._chars = String(v);
  }
}
