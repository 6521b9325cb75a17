/**
 * Paint styles and colour variables for the fake, as Figma keeps them: a node bound to a style shows
 * the style's paints (changing the style changes every node that uses it); a paint bound to a
 * variable shows the variable's value in its collection's default mode; a remote (library) style or
 * variable is read-only and throws when changed, as Figma's docs say.
 */
import { frozenCopy, validatePaints } from './fake-paints';
import type { ImageStore } from './fake-images';

type Rgb = { r: number; g: number; b: number };
type RgbA = Rgb & { a: number };

export interface FakePaintStyle {
  readonly id: string;
  readonly type: 'PAINT';
  name: string;
  remote: boolean;
  paints: readonly unknown[];
}

export interface FakeVariable {
  readonly id: string;
  name: string;
  readonly resolvedType: 'COLOR';
  readonly variableCollectionId: string;
  remote: boolean;
  readonly valuesByMode: Record<string, RgbA>;
  setValueForMode(modeId: string, value: RgbA): void;
}

export function createStyleStore(images: ImageStore) {
  let n = 1;
  const styles = new Map<string, FakePaintStyle>();
  const variables = new Map<string, FakeVariable>();
  const collections = new Map<string, { id: string; name: string; modes: { modeId: string; name: string }[]; defaultModeId: string }>();

  return {
    createPaintStyle(): FakePaintStyle {
      const id = `S:${(n++).toString(16).padStart(40, '0')},`;
      let paints: readonly unknown[] = frozenCopy([]);
      const style = {
        id,
        type: 'PAINT' as const,
        name: 'Paint style',
        remote: false,
        get paints() {
          return paints;
        },
        set paints(v: readonly unknown[]) {
          if (style.remote) throw new Error(`Cannot modify a remote style ("${style.name}" is from a library)`);
          validatePaints(v, images, 'paints');
          paints = frozenCopy(v as unknown[]);
        },
      };
      styles.set(id, style);
      return style;
    },
    style: (id: string) => styles.get(id) ?? null,
    createVariableCollection(name: string) {
      const id = `VariableCollectionId:${n++}`;
      const c = { id, name, modes: [{ modeId: `${n++}:0`, name: 'Mode 1' }], defaultModeId: '' };
      c.defaultModeId = c.modes[0].modeId;
      collections.set(id, c);
      return c;
    },
    createVariable(name: string, collection: { id: string }, type: string): FakeVariable {
      if (type !== 'COLOR') throw new Error('fake figma: only COLOR variables are modelled');
      const c = collections.get(collection.id)!;
      const valuesByMode: Record<string, RgbA> = {};
      const variable: FakeVariable = {
        id: `VariableID:${n++}`,
        name,
        resolvedType: 'COLOR',
        variableCollectionId: c.id,
        remote: false,
        valuesByMode,
        setValueForMode(modeId: string, value: RgbA) {
          if (variable.remote) throw new Error(`Cannot modify a remote variable ("${variable.name}" is from a library)`);
          if (!c.modes.some((m) => m.modeId === modeId)) throw new Error(`setValueForMode: no mode ${modeId} in ${c.name}`);
          valuesByMode[modeId] = { r: value.r, g: value.g, b: value.b, a: value.a ?? 1 };
        },
      };
      variables.set(variable.id, variable);
      return variable;
    },
    variable: (id: string) => variables.get(id) ?? null,
    /** The colour a variable shows in its collection's default mode. */
    resolveColor(id: string): Rgb | null {
      const v = variables.get(id);
      if (!v) return null;
      const value = v.valuesByMode[collections.get(v.variableCollectionId)!.defaultModeId];
      return value ? { r: value.r, g: value.g, b: value.b } : null;
    },
  };
}

export type StyleStore = ReturnType<typeof createStyleStore>;
