// INTERIM: the generate tab lands with its flow.
import type { JSX } from 'preact';
import type { TabProps } from '../tab-props';
import { NeedsConnection } from '../widgets/needs-connection';

export function GenerateTab(p: TabProps): JSX.Element {
  return <NeedsConnection what="This tab's settings" onConnect={() => p.goTo('connect')} />;
}
