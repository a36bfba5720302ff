import type { MainLanguage } from '../app/main-texts';

/** The words of main's gateway dialogs and refusals, in the language the app speaks. */
export interface GatewayTexts {
  confirmEnable(port: number): string;
  confirmNewKey(label: string): string;
  confirmReplaceKey(label: string): string;
  gatewayOff: string;
  /** The buttons of the confirmation dialog. */
  proceed: string;
  cancel: string;
}

const en: GatewayTexts = {
  confirmEnable: (port) =>
    `Turn on the local API gateway?\n\nPrograms on this computer (Excel, Power BI, Postman) will be able to read Winbooks data at http://127.0.0.1:${port} for each account you give a gateway key. Web pages are refused.`,
  confirmNewKey: (label) =>
    `Give "${label}" a gateway key?\n\nAnyone on this computer who has the gateway URL can read and change the Winbooks data of "${label}" while the app runs. Keep the URL as private as a password; you can revoke it at any time.`,
  confirmReplaceKey: (label) =>
    `Issue a new gateway key for "${label}"?\n\nIts key is shown only when it is issued, so copying the URL again needs a new one. Queries that use the old URL stop working until you paste the new one.`,
  gatewayOff: 'The local API gateway is off: turn it on in Settings first.',
  proceed: 'Continue',
  cancel: 'Cancel',
};

const fr: GatewayTexts = {
  confirmEnable: (port) =>
    `Activer la passerelle API locale ?\n\nLes programmes de cet ordinateur (Excel, Power BI, Postman) pourront lire les données Winbooks à l'adresse http://127.0.0.1:${port} pour chaque compte auquel vous donnez une clé de passerelle. Les pages web sont refusées.`,
  confirmNewKey: (label) =>
    `Donner une clé de passerelle à « ${label} » ?\n\nToute personne de cet ordinateur qui possède l'URL de la passerelle peut lire et modifier les données Winbooks de « ${label} » tant que l'application tourne. Gardez l'URL aussi secrète qu'un mot de passe ; vous pouvez la révoquer à tout moment.`,
  confirmReplaceKey: (label) =>
    `Émettre une nouvelle clé de passerelle pour « ${label} » ?\n\nLa clé n'est montrée qu'à son émission : copier l'URL à nouveau demande une nouvelle clé. Les requêtes qui utilisent l'ancienne URL cessent de fonctionner jusqu'à ce que vous colliez la nouvelle.`,
  gatewayOff: 'La passerelle API locale est désactivée : activez-la d’abord dans les Réglages.',
  proceed: 'Continuer',
  cancel: 'Annuler',
};

const nl: GatewayTexts = {
  confirmEnable: (port) =>
    `De lokale API-gateway inschakelen?\n\nProgramma's op deze computer (Excel, Power BI, Postman) kunnen dan Winbooks-gegevens lezen op http://127.0.0.1:${port} voor elk account dat u een gatewaysleutel geeft. Webpagina's worden geweigerd.`,
  confirmNewKey: (label) =>
    `"${label}" een gatewaysleutel geven?\n\nIedereen op deze computer die de gateway-URL heeft, kan de Winbooks-gegevens van "${label}" lezen en wijzigen zolang de app draait. Houd de URL even geheim als een wachtwoord; u kunt hem altijd intrekken.`,
  confirmReplaceKey: (label) =>
    `Een nieuwe gatewaysleutel uitgeven voor "${label}"?\n\nDe sleutel wordt alleen getoond wanneer hij wordt uitgegeven, dus de URL opnieuw kopiëren vraagt een nieuwe. Query's met de oude URL werken niet meer tot u de nieuwe plakt.`,
  gatewayOff: 'De lokale API-gateway staat uit: schakel hem eerst in bij Instellingen.',
  proceed: 'Doorgaan',
  cancel: 'Annuleren',
};

export const GATEWAY_TEXTS: Readonly<Record<MainLanguage, GatewayTexts>> = { en, fr, nl };
