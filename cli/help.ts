import { DEFAULT_MIN_VALID_SECONDS } from '../electron/core/command-line/protocol-constants';

export const HELP_TEXT = `winbooks-token: Winbooks on Web access tokens from the running Winbooks Token Manager app.

The app keeps every account's tokens fresh; this command asks it, so no second process ever refreshes
(and thereby revokes) an account's tokens.

Usage:
  winbooks-token list [--json]                 accounts: label, e-mail, host, status, expiry
  winbooks-token get <label|e-mail> [--min-valid ${DEFAULT_MIN_VALID_SECONDS}] [--format raw|header|json]
                                               a fresh access token on stdout, nothing else
                                               raw: the token; header: "Authorization: Bearer <token>";
                                               json: {"access_token", "token_type", "expires_at", ...}
                                               --min-valid: seconds the token must still be valid
  winbooks-token refresh <label|e-mail>        refresh one account now
  winbooks-token refresh --all                 refresh every account
  winbooks-token status [--json]               is the app running, unlocked, how are the accounts
  winbooks-token exec <label|e-mail> [--min-valid N] -- <command...>
                                               run a command with WINBOOKS_ACCESS_TOKEN and
                                               WINBOOKS_API_BASE set; exits with its exit code
  winbooks-token --version                     the version (always the app's own: use the one installed with it)
  winbooks-token url <label|e-mail>            the account's local API gateway URL (for Excel, Power BI,
                                               Postman): http://127.0.0.1:<port>/<key>/app/ ; the gateway
                                               must be on and the key issued in this run of the app
  winbooks-token --help

Exit codes:
  0  ok
  1  unexpected failure inside the app
  2  usage: the command line is not valid
  3  unknown account (the closest labels are suggested)
  4  the account needs a new exchange token (replace it in the app)
  5  the app is not running, its command line is off, or it is locked (url: the gateway is off
     or the account's key was not issued in this run)
  6  Winbooks could not be reached or answered badly

Messages go to stderr. The app must run as the same user; its command line can be turned off in Settings.
Set WINBOOKS_TOKEN_MANAGER_DIR when the app uses a data folder other than the default.
`;
