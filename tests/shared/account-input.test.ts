import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { exchangeTokenSchema, fieldErrorsOf, hostKind, labelSchema, newAccountSchema, normaliseHost } from '../../electron/shared/account-input';

describe('host rules', () => {
  it('accepts both documented bases and normalises them', () => {
    assert.deepEqual(normaliseHost('https://rapi.winbooksonweb.be/'), { ok: true, host: 'https://rapi.winbooksonweb.be' });
    assert.deepEqual(normaliseHost(' https://PRD.winbooksapis.be/wow/v2/ '), { ok: true, host: 'https://prd.winbooksapis.be/wow/v2' });
    assert.equal(hostKind('https://prd.winbooksapis.be/wow/v2'), 'production');
    assert.equal(hostKind('https://rapi.winbooksonweb.be'), 'legacy');
    assert.equal(hostKind('http://127.0.0.1:8080'), 'custom');
  });

  it('allows plain http only on loopback', () => {
    for (const host of ['http://127.0.0.1:4010', 'http://localhost:4010/wow/v2', 'http://[::1]:4010']) {
      assert.equal(normaliseHost(host).ok, true, host);
    }
    for (const host of ['http://rapi.winbooksonweb.be', 'http://192.168.1.10', 'ftp://rapi.winbooksonweb.be']) {
      const result = normaliseHost(host);
      assert.equal(result.ok, false, host);
      assert.match(result.ok ? '' : result.reason, /^Host: must start with https:\/\//);
    }
  });

  it('refuses credentials, queries, fragments, the token path and non-URLs with a reason', () => {
    const refused: [string, RegExp][] = [
      ['https://user:pw@rapi.winbooksonweb.be', /user name or password/],
      ['https://rapi.winbooksonweb.be/?x=1', /query/],
      ['https://rapi.winbooksonweb.be/#top', /fragment/],
      ['https://rapi.winbooksonweb.be/OAuth20/Token', /without \/OAuth20\/Token/],
      ['rapi.winbooksonweb.be', /not a valid address/],
    ];
    for (const [host, reason] of refused) {
      const result = normaliseHost(host);
      assert.equal(result.ok, false, host);
      assert.match(result.ok ? '' : result.reason, reason);
    }
  });
});

describe('exchange token', () => {
  it('removes spaces and line breaks a paste put inside', () => {
    assert.equal(exchangeTokenSchema.parse('  TGe0!IAAAA\r\n  bcd\tef  '), 'TGe0!IAAAAbcdef');
  });

  it('refuses an empty token and one with characters no token has', () => {
    assert.match(exchangeTokenSchema.safeParse(' \n ').error?.issues[0]?.message ?? '', /^Exchange token: paste/);
    assert.match(exchangeTokenSchema.safeParse('abc€def').error?.issues[0]?.message ?? '', /characters a token cannot have/);
    assert.match(exchangeTokenSchema.safeParse('a'.repeat(5000)).error?.issues[0]?.message ?? '', /too long/);
  });
});

describe('label and the whole form', () => {
  it('trims a label and bounds it to 1-80 characters', () => {
    assert.equal(labelSchema.parse('  ACME  '), 'ACME');
    assert.equal(labelSchema.safeParse('   ').success, false);
    assert.equal(labelSchema.safeParse('x'.repeat(81)).success, false);
    assert.equal(labelSchema.safeParse('x'.repeat(80)).success, true);
  });

  it('names every field that is wrong, with the reason', () => {
    const result = newAccountSchema.safeParse({ label: '', email: 'nope', host: 'http://example.com', exchangeToken: '' });
    assert.equal(result.success, false);
    const errors = result.error ? fieldErrorsOf(result.error) : [];
    assert.deepEqual(errors.map((e) => e.field).sort(), ['email', 'exchangeToken', 'host', 'label']);
    for (const error of errors) assert.ok(error.message.length > 15, error.message);
  });
});
