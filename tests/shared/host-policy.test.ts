import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountPatchSchema, fieldErrorsOf, hostSchemaUnder } from '../../electron/shared/account-input';
import { checkHost, DEFAULT_HOST_POLICY, isHostAllowed } from '../../electron/shared/host-policy';

const strict = DEFAULT_HOST_POLICY;
const open = { allowOtherHosts: true };

describe('host policy: where tokens may go', () => {
  it('accepts the two Winbooks bases and loopback under the default policy', () => {
    for (const host of ['https://rapi.winbooksonweb.be/', ' https://PRD.winbooksapis.be/wow/v2 ', 'http://127.0.0.1:4010', 'http://localhost:4010/wow/v2', 'https://[::1]:8443']) {
      assert.equal(checkHost(host, strict).ok, true, host);
    }
  });

  it('refuses any other https address unless "other API addresses" is on, naming the reason', () => {
    for (const host of ['https://api.example.com', 'https://prd.winbooksapis.be', 'https://rapi.winbooksonweb.be/v3', 'https://rapi.winbooksonweb.be.evil.example']) {
      const verdict = checkHost(host, strict);
      assert.deepEqual(verdict.ok ? null : verdict.problem, 'not-allowed', host);
      assert.equal(checkHost(host, open).ok, true, host);
    }
  });

  it('never accepts plain http off loopback, credentials or a token path, whatever the setting', () => {
    for (const [host, problem] of [
      ['http://api.example.com', 'scheme'],
      ['https://user:pw@rapi.winbooksonweb.be', 'credentials'],
      ['https://rapi.winbooksonweb.be/OAuth20/Token', 'oauthPath'],
      ['not a url', 'invalid'],
    ] as const) {
      const verdict = checkHost(host, open);
      assert.deepEqual(verdict.ok ? null : verdict.problem, problem, host);
    }
    assert.equal(isHostAllowed('http://api.example.com', open), false);
  });

  it('forms validate with the same rule', () => {
    assert.equal(hostSchemaUnder(strict).safeParse('https://api.example.com').success, false);
    assert.equal(hostSchemaUnder(open).safeParse('https://api.example.com').success, true);
  });
});

describe('an edit that moves an account', () => {
  it('needs the exchange token typed again with a new e-mail or host, refused on that field', () => {
    for (const patch of [{ email: 'new@example.be' }, { host: 'https://rapi.winbooksonweb.be' }]) {
      const result = accountPatchSchema.safeParse(patch);
      assert.equal(result.success, false);
      const [error] = result.error ? fieldErrorsOf(result.error) : [];
      assert.equal(error?.field, 'exchangeToken');
      assert.match(error?.message ?? '', /^Exchange token: changing the e-mail or the API address/u);
    }
    assert.equal(accountPatchSchema.safeParse({ email: 'new@example.be', exchangeToken: ' WbX new\n' }).data?.exchangeToken, 'WbXnew');
  });

  it('takes no exchange token without a move, and label or auto-refresh edits need none', () => {
    assert.equal(accountPatchSchema.safeParse({ label: 'x', exchangeToken: 'WbX' }).success, false);
    assert.equal(accountPatchSchema.safeParse({ label: 'x', autoRefresh: false }).success, true);
  });
});
