import type { TFunction } from 'i18next';

/** The translate function as components receive it from useTranslation; pure helpers take it as a parameter. */
export type Translate = TFunction;
