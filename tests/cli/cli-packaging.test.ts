import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';

/** The installers carry the standalone winbooks-token where build-cli-binary puts it, and put it on PATH. */

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

interface Resource {
  from: string;
  to: string;
}
interface BuilderConfig {
  win: { extraResources: Resource[] };
  linux: { extraResources: Resource[] };
  mac: { extraResources: Resource[] };
  nsis: { include: string };
  deb: { afterInstall: string; afterRemove: string };
  extraResources?: unknown;
}

const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;

test('Windows and Linux ship the standalone binary built for them; macOS the bundle', () => {
  assert.equal(config.extraResources, undefined, 'no platform-wide CLI resource');
  assert.deepEqual(config.win.extraResources, [{ from: 'dist-cli/bin/win-x64/winbooks-token.exe', to: 'bin/winbooks-token.exe' }]);
  assert.deepEqual(config.linux.extraResources, [{ from: 'dist-cli/bin/linux-x64/winbooks-token', to: 'bin/winbooks-token' }]);
  assert.deepEqual(config.mac.extraResources, [{ from: 'dist-cli/winbooks-token.cjs', to: 'cli/winbooks-token.cjs' }]);
});

test('the deb links /usr/bin/winbooks-token on install, removes its own link on removal, and keeps the stock steps', () => {
  const install = readFileSync(config.deb.afterInstall, 'utf8');
  const remove = readFileSync(config.deb.afterRemove, 'utf8');
  assert.match(install, /ln -sf '\/opt\/\$\{sanitizedProductName\}\/resources\/bin\/winbooks-token' '\/usr\/bin\/winbooks-token'/u);
  assert.match(install, /update-alternatives --install '\/usr\/bin\/\$\{executable\}'/u, "electron-builder's own app link");
  assert.match(install, /chrome-sandbox/u, "electron-builder's own sandbox permissions");
  assert.match(remove, /rm -f '\/usr\/bin\/winbooks-token'/u);
  assert.match(remove, /update-alternatives --remove/u);
  for (const script of [config.deb.afterInstall, config.deb.afterRemove]) {
    const syntax = spawnSync('bash', ['-n', script], { encoding: 'utf8' });
    assert.equal(syntax.status, 0, syntax.stderr);
  }
});

test('the NSIS include offers the PATH entry and removes it on uninstall, but not on update', () => {
  const nsh = readFileSync(config.nsis.include, 'utf8');
  assert.match(nsh, /!macro customInstall\n[\s\S]*MessageBox MB_YESNO[\s\S]*\/SD IDNO[\s\S]*wtmCliPath "add"/u);
  assert.match(nsh, /!macro customUnInstall\n\s*\$\{ifNot\} \$\{isUpdated\}\n\s*!insertmacro wtmCliPath "remove"/u);
  assert.match(nsh, /resources\\bin/u);
});
