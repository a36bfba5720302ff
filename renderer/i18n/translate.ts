import type { TranslateArgs, TranslationKey } from './translation-keys';

/** The translate function as components receive it from useTranslation; pure helpers take it as a parameter. */
export type Translate = <Key extends TranslationKey>(key: Key, ...values: TranslateArgs<Key>) => string;
