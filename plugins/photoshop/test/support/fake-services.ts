// PanelServices over the fake Photoshop, for flow and UI tests.
import type { BrandlockServer } from '../../src/ports/brandlock-server';
import type { PanelServices } from '../../src/ui/panel-services';
import { fakeEnvironment } from './fake-env';

export function fakeServices(openSession: (url: string, token: string) => Promise<BrandlockServer>, allowedOrigins = ['http://127.0.0.1:8787']) {
  const env = fakeEnvironment();
  const services: PanelServices = {
    ps: env.ps, files: env.fs, secrets: env.secrets, settings: env.settings, openSession, allowedOrigins, pluginVersion: '0.1.0',
  };
  return { ...env, services };
}
