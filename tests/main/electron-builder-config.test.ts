import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { Ajv } from 'ajv';
import { TEST_BUILD_PRODUCT_NAME } from '../../electron/main/debug-switch-guard';

// js-yaml comes with electron-builder (it reads these files with it); it has no type declarations here.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const schema = JSON.parse(readFileSync('node_modules/app-builder-lib/scheme.json', 'utf8')) as object;

function config(path: string): Record<string, unknown> {
  const loaded = yaml.load(readFileSync(path, 'utf8'));
  assert.ok(typeof loaded === 'object' && loaded !== null, `${path} is a mapping`);
  return loaded as Record<string, unknown>;
}

function validate(value: unknown): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const check = ajv.compile(schema);
  return check(value) ? [] : (check.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}

describe('electron-builder configuration', () => {
  test('electron-builder.yml matches the schema electron-builder ships', () => {
    assert.deepEqual(validate(config('electron-builder.yml')), []);
  });

  test('the schema check catches a wrong key (so the test above means something)', () => {
    assert.notDeepEqual(validate({ ...config('electron-builder.yml'), asarr: true }), []);
  });

  test('targets, asar and fuses are those the release needs', () => {
    const release = config('electron-builder.yml');
    assert.equal(release.asar, true);
    assert.match(JSON.stringify(release.win), /"nsis"/u);
    assert.match(JSON.stringify(release.mac), /"dmg"/u);
    assert.deepEqual((release.linux as { target: unknown }).target, ['AppImage', 'deb']);
    assert.deepEqual(
      { ...(release.electronFuses as object) },
      {
        runAsNode: false,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        onlyLoadAppFromAsar: true,
        enableEmbeddedAsarIntegrityValidation: true,
        enableCookieEncryption: true,
        grantFileProtocolExtraPrivileges: false,
        resetAdHocDarwinSignature: true,
      },
    );
  });

  test('macOS: ad-hoc signature after the fuses when no certificate, notarization from environment variables', () => {
    const release = config('electron-builder.yml');
    // app-builder-lib 26 flips fuses right before signing and passes resetAdHocDarwinSignature to @electron/fuses,
    // which runs `codesign --sign - --force --deep` on the .app (node_modules/@electron/fuses/dist/index.js).
    assert.equal((release.electronFuses as { resetAdHocDarwinSignature?: boolean }).resetAdHocDarwinSignature, true);
    // notarize: true -> MacTargetHelper.getNotarizeOptions reads APPLE_API_KEY..., APPLE_ID... or APPLE_KEYCHAIN_PROFILE.
    assert.equal((release.mac as { notarize?: boolean }).notarize, true);
  });

  test('Linux: the sandbox is never switched off for a package (no --no-sandbox anywhere)', () => {
    const text = readFileSync('electron-builder.yml', 'utf8').split('\n').filter((line) => !line.trimStart().startsWith('#')).join('\n');
    assert.doesNotMatch(text, /no-sandbox/u);
    assert.deepEqual((config('electron-builder.yml').linux as { target: unknown }).target, ['AppImage', 'deb'], 'the deb (with its AppArmor profile) is there for Ubuntu 24.04');
  });

  test('the test build extends the release and only keeps the inspect fuse on', () => {
    const testBuild = config('electron-builder.test.yml');
    assert.deepEqual(validate(testBuild), []);
    assert.equal(testBuild.extends, './electron-builder.yml');
    const releaseFuses = config('electron-builder.yml').electronFuses as Record<string, boolean>;
    const testFuses = testBuild.electronFuses as Record<string, boolean>;
    assert.deepEqual(testFuses, { ...releaseFuses, enableNodeCliInspectArguments: true });
  });

  test('the test build makes an unpacked app only, under its own appId and name (never the release identity)', () => {
    const release = config('electron-builder.yml');
    const testBuild = config('electron-builder.test.yml');
    for (const platform of ['win', 'mac', 'linux']) {
      assert.equal((testBuild[platform] as { target?: unknown } | undefined)?.target, 'dir', `${platform} builds dir only`);
    }
    assert.equal(typeof testBuild.appId, 'string');
    assert.notEqual(testBuild.appId, release.appId);
    assert.equal(testBuild.productName, TEST_BUILD_PRODUCT_NAME);
    assert.equal((testBuild.extraMetadata as { productName?: string }).productName, TEST_BUILD_PRODUCT_NAME);
    assert.notEqual(release.productName, TEST_BUILD_PRODUCT_NAME);
  });
});
