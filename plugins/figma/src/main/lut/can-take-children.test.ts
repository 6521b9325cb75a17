// Where a LUT preview's copy may go: next to its source in a frame, group or section, but never
// into an instance (Figma refuses new children there, also deeper inside one) or a component set.
import { expect, it } from 'vitest';
import { canTakeChildren } from './place-lut-preview';

type Fake = { type: string; parent: Fake | null };
const node = (type: string, parent: Fake | null): Fake => ({ type, parent });

it('lets frames, groups and sections take the copy, but not instances, their insides or component sets', () => {
  const page = node('PAGE', null);
  const frame = node('FRAME', page);
  const instance = node('INSTANCE', frame);
  const inInstance = node('FRAME', instance);
  const asNode = (n: Fake) => n as unknown as BaseNode & ChildrenMixin;
  expect(canTakeChildren(asNode(frame))).toBe(true);
  expect(canTakeChildren(asNode(node('GROUP', frame)))).toBe(true);
  expect(canTakeChildren(asNode(node('SECTION', page)))).toBe(true);
  expect(canTakeChildren(asNode(instance))).toBe(false);
  expect(canTakeChildren(asNode(inInstance))).toBe(false);
  expect(canTakeChildren(asNode(node('COMPONENT_SET', page)))).toBe(false);
});
