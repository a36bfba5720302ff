/**
 * Starts the Winbooks sandbox for demos and manual testing:
 *   npm run sandbox -- --port 4780 [--lifetime 900] [--grant email=exchangeToken ...]
 * Without --grant it seeds two demo grants. Ctrl-C stops it.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_ACCESS_LIFETIME_SECONDS, WinbooksSandbox } from './winbooks-sandbox';

const DEMO_GRANTS = [
  { email: 'demo.accountant@example.com', exchangeToken: 'sandbox-demo-exchange-token-1' },
  { email: 'second.client@example.com', exchangeToken: 'sandbox-demo-exchange-token-2' },
];

const USAGE = 'Usage: npm run sandbox -- [--port N] [--lifetime SECONDS] [--grant email=exchangeToken ...]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function positiveNumber(name: string, raw: string | undefined, integer: boolean): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) fail(`--${name}: expected a non-negative ${integer ? 'integer' : 'number'}, got "${raw}".`);
  return value;
}

function parseGrant(raw: string): { email: string; exchangeToken: string } {
  const separator = raw.indexOf('=');
  const email = raw.slice(0, separator).trim();
  const exchangeToken = raw.slice(separator + 1).trim();
  if (separator <= 0 || exchangeToken === '') fail(`--grant: expected email=exchangeToken, got "${raw}".`);
  return { email, exchangeToken };
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        port: { type: 'string' },
        lifetime: { type: 'string' },
        grant: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help === true) {
    console.log(USAGE);
    return;
  }
  const port = positiveNumber('port', parsed.values.port, true);
  const lifetime = positiveNumber('lifetime', parsed.values.lifetime, false);
  if (lifetime === 0) fail('--lifetime: must be more than 0 seconds.');
  const grants = parsed.values.grant?.map(parseGrant) ?? DEMO_GRANTS;

  let sandbox: WinbooksSandbox;
  try {
    sandbox = await WinbooksSandbox.start({ port, accessLifetimeSeconds: lifetime });
  } catch (error) {
    fail(`Could not start the sandbox: ${error instanceof Error ? error.message : String(error)} (is port ${port ?? 0} already in use?).`);
  }
  for (const grant of grants) sandbox.addGrant(grant);

  console.log('Winbooks sandbox running (127.0.0.1 only).');
  console.log(`  Host (legacy style): ${sandbox.baseUrl}`);
  console.log(`  Host (v2 style):     ${sandbox.v2BaseUrl}`);
  console.log(`  Access-token lifetime: ${lifetime ?? DEFAULT_ACCESS_LIFETIME_SECONDS} s`);
  console.log('Seeded grants (fake sandbox tokens for demos, worthless anywhere else):');
  for (const grant of grants) console.log(`  ${grant.email}  exchange token: ${grant.exchangeToken}`);
  console.log('Press Ctrl-C to stop.');

  const shutdown = (): void => {
    void sandbox.stop().then(() => {
      console.log('Sandbox stopped.');
      process.exit(0);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

void main();
