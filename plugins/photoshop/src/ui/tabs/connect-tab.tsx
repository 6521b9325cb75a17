/**
 * Connect: server URL and token (the token goes to UXP secure storage only), then what the server
 * says: brand, lock version and hash, and who the token belongs to.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { BrandlockServer } from '../../ports/brandlock-server';
import { connect, forgetToken, savedConnection } from '../../flows/connect';
import type { TabProps } from '../tab-props';
import { TextField } from '../widgets/text-field';
import { ErrorNotice } from '../widgets/error-notice';
import { Facts, Section } from '../widgets/section';

export function ConnectTab(p: TabProps & { onSession(s: BrandlockServer | null): void }): JSX.Element {
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const flow = p.flow;

  useEffect(() => {
    savedConnection(p.services).then((saved) => setUrl((u) => u || saved.url || p.services.allowedOrigins[0] || ''));
  }, [p.services]);

  const info = p.session?.info;
  const lock = p.session?.lock;

  async function onConnect() {
    const s = await flow.run('Connect', async (signal, report) => {
      report({ fraction: null, label: `Connecting to ${url}…` });
      return connect(p.services, url, token, signal);
    });
    if (s) {
      setToken('');
      p.onSession(s);
    }
  }

  // Enter in either field connects, as the Connect button does (not while a connect runs or without an address).
  const submit = () => {
    if (!flow.running && url) void onConnect();
  };

  async function onSignOut() {
    await forgetToken(p.services);
    p.onSession(null);
  }

  return (
    <div>
      {info && lock ? (
        <Section title="CONNECTED" aside={<span class="badge ok">ONLINE</span>}>
          <div class="card">
            <Facts
              mono={['Lock hash']}
              wrap={['Lock hash']}
              rows={[
                ['Brand', info.brand.name],
                ['Lock version', `${info.lockVersion}${lock.season ? ` · season ${lock.season}` : ''}`],
                ['Lock hash', <span title={info.lockHash}>{breakableHash(info.lockHash)}</span>],
                ['Signed in as', `${info.user.name} (${info.user.role})`],
                ['Server', info.serverUrl],
                ['In the lock', `${lock.categories.length} categories · ${lock.luts.length} LUTs · ${lock.channels.length} channels`],
              ]}
            />
          </div>
          <div class="actions">
            <sp-button variant="secondary" quiet onClick={() => p.onSession(null)}>
              Disconnect
            </sp-button>
            <sp-button variant="secondary" onClick={onSignOut}>
              Sign out
            </sp-button>
          </div>
          <div class="field-hint">Disconnect ends this session and keeps your token on this computer (the panel connects again when it next opens); Sign out also removes the token.</div>
        </Section>
      ) : (
        <Section title="BRANDLOCK SERVER">
          <TextField label="Server address" value={url} onInput={setUrl} placeholder="https://brandlock.example.com" onEnter={submit} />
          <TextField
            label="Access token"
            type="password"
            value={token}
            onInput={setToken}
            placeholder="Paste your token"
            onEnter={submit}
            hint="Kept in Photoshop's secure storage on this computer, never in the document."
          />
          <ErrorNotice error={flow.error} onDismiss={flow.clearError} />
          <div class="actions">
            <sp-button variant="cta" disabled={flow.running || !url || undefined} onClick={onConnect}>
              {flow.running ? 'Connecting…' : 'Connect'}
            </sp-button>
            {flow.running && (
              <sp-button variant="secondary" disabled={flow.cancelling || undefined} onClick={flow.cancel}>
                Cancel
              </sp-button>
            )}
          </div>
        </Section>
      )}
      <Section title="THIS PLUGIN">
        <Facts
          rows={[
            ['Version', p.services.pluginVersion],
            ['Photoshop', p.services.ps.description],
            ['Allowed servers', p.services.allowedOrigins.join(', ')],
          ]}
        />
      </Section>
    </div>
  );
}

/**
 * The lock hash with a break chance every 8 characters (a zero-width space): UXP's CSS has no
 * word-break, so the 71-character hash would run out of a narrow panel uncut.
 */
export function breakableHash(hash: string): string {
  return hash.replace(/(.{8})(?=.)/g, '$1\u200b');
}
