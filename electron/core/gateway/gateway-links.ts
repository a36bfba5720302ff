/**
 * The texts "Copy gateway URL" and "Copy Power Query snippet" put on the clipboard. They carry the key, so they
 * are built and copied in main only.
 */

/** The gateway's address for one account; tools append `/app/...`. */
export function gatewayBaseUrl(port: number, key: string): string {
  return `http://127.0.0.1:${port}/${key}`;
}

/** A resource Power Query users can try at once (Winbooks: `app/<object model>/Folder/<folder>`). */
export const SNIPPET_RELATIVE_PATH = 'app/Customers/Folder/';

/**
 * A Power Query (M) query for Excel and Power BI. The path goes in Web.Contents' RelativePath option and the
 * query string in Query, never concatenated onto the URL: Power BI then sees one static data source and can
 * refresh it. The folder name is the one thing to fill in.
 */
export function powerQuerySnippet(port: number, key: string, accountLabel: string): string {
  const label = accountLabel.replace(/[\r\n]+/gu, ' ');
  return [
    `// Winbooks on Web data for "${label}" through Winbooks Token Manager (the app must be running).`,
    '// Set Folder to the Winbooks folder (dossier) name. In Power BI choose "Anonymous" access for this URL:',
    '// the key in it is the credential; keep it private.',
    'let',
    '    Folder = "YOUR_FOLDER",',
    `    Source = Json.Document(Web.Contents("${gatewayBaseUrl(port, key)}", [`,
    `        RelativePath = "${SNIPPET_RELATIVE_PATH}" & Folder,`,
    '        Headers = [Accept = "application/json"]',
    '    ])),',
    '    Customers = Table.FromRecords(Source, null, MissingField.UseNull)',
    'in',
    '    Customers',
    '',
  ].join('\n');
}
