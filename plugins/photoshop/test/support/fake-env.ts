// One fake Photoshop with its file system and stores, as every flow test needs it.
import { FakeFileSystem, FakeKeyValueStore } from '../../src/fake-host/fake-file-system';
import { FakePhotoshop } from '../../src/fake-host/fake-photoshop';
import { sharpCodecs } from './sharp-codecs';

export function fakeEnvironment() {
  const fs = new FakeFileSystem();
  const ps = new FakePhotoshop(fs, sharpCodecs);
  return { ps, fs, secrets: new FakeKeyValueStore(), settings: new FakeKeyValueStore() };
}
