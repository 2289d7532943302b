/**
 * The curation pages' translations (English and French), beside the UI's own (`ui-text.ts`). `{name}` marks a
 * value filled in by `curateText`.
 */
import { fillIn, type Lang } from "./lang.js";

const EN = {
  reportLink: "Report a wrong link",
  reportTitle: "Report a wrong link",
  reportIntro:
    "Is “{target}” wrongly linked to “{source}”? Tell the curators; the page stays as it is until they check.",
  why: "Why is it wrong? (optional)",
  send: "Send the report",
  thanks: "Thank you: your report is stored and the curators will look at it.",
  hide: "Hide this link",
  pin: "Pin this link first",
  curatorName: "Your name",
  curatorActions: "Curator: correct the graph",
  applied: "Correction {id} stored: the next build applies it.",
  curateTitle: "Curation",
  loginIntro: "Curators log in with the server's curator token.",
  token: "Curator token",
  login: "Log in",
  logout: "Log out",
  off: "Curation is off on this server: it has no curator token.",
  badToken: "That token is not the server's curator token.",
  reports: "Readers' reports",
  corrections: "Corrections",
  none: "None yet.",
  withdraw: "Withdraw",
  withdrawn: "withdrawn by {who}",
  backToPage: "Back to the page",
  invalid: "The form cannot be used: {problem}",
} as const;

/** A message key of the curation pages. */
export type CurateTextKey = keyof typeof EN;

const FR: Readonly<Record<CurateTextKey, string>> = {
  reportLink: "Signaler un lien erroné",
  reportTitle: "Signaler un lien erroné",
  reportIntro:
    "« {target} » est-il relié à tort à « {source} » ? Dites-le aux curateurs ; la page reste telle quelle jusqu'à leur vérification.",
  why: "Pourquoi est-ce faux ? (facultatif)",
  send: "Envoyer le signalement",
  thanks: "Merci : votre signalement est enregistré et les curateurs l'examineront.",
  hide: "Masquer ce lien",
  pin: "Épingler ce lien en tête",
  curatorName: "Votre nom",
  curatorActions: "Curateur : corriger le graphe",
  applied: "Correction {id} enregistrée : la prochaine construction l'appliquera.",
  curateTitle: "Curation",
  loginIntro: "Les curateurs se connectent avec le jeton de curateur du serveur.",
  token: "Jeton de curateur",
  login: "Se connecter",
  logout: "Se déconnecter",
  off: "La curation est désactivée sur ce serveur : il n'a pas de jeton de curateur.",
  badToken: "Ce jeton n'est pas le jeton de curateur du serveur.",
  reports: "Signalements des lecteurs",
  corrections: "Corrections",
  none: "Aucun pour l'instant.",
  withdraw: "Retirer",
  withdrawn: "retirée par {who}",
  backToPage: "Retour à la page",
  invalid: "Le formulaire ne peut pas être utilisé : {problem}",
};

/** The curation message `key` in `lang`, with its `{name}` placeholders filled from `values`. */
export function curateText(
  lang: Lang,
  key: CurateTextKey,
  values: Record<string, string | number> = {},
): string {
  return fillIn((lang === "fr" ? FR : EN)[key], values);
}
