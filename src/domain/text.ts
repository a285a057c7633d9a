/**
 * The one text system. Every text a person reads is defined once, with its Simplified Chinese
 * and its English side by side, in a `messages.ts` beside the capability that owns it:
 *
 *   export const messages = defineMessages({
 *     'incident.step.done': { 'zh-CN': '完成', en: 'Done' },
 *     'incident.started': { 'zh-CN': '{actor} 于 {time} 启动', en: 'Started {time} by {actor}' },
 *   });
 *
 * A wording is a template with `{name}` placeholders, whose parameters the type checker reads
 * from the English template, or a function of typed parameters for texts that need lists,
 * plurals or choices. A missing language fails the type check; a placeholder that one
 * language has and the other lacks fails the texts test. Pure: no React, no globals.
 */

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The app language for a BCP 47 tag (a playbook's, a browser's): any Chinese is 'zh-CN', anything else 'en'. */
export function languageOfTag(tag: string): Language {
  return tag.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

type Vars = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; an unknown one stays visible, so a missing value is seen, not hidden. */
export function fill(template: string, vars: Vars = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(vars, name) ? String(vars[name]) : whole));
}

type Wording = string | ((params: never) => string);
type MessageDefinition = { readonly [L in Language]: Wording };
export type Dictionary = Readonly<Record<string, MessageDefinition>>;

type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The arguments a message takes after its key: none, or its parameters. */
export type MessageArgs<W> = W extends (params: infer P) => string
  ? unknown extends P
    ? []
    : undefined extends P
      ? [params?: P]
      : [params: P]
  : W extends string
    ? [Placeholders<W>] extends [never]
      ? []
      : [params: { readonly [K in Placeholders<W>]: string | number }]
    : never;

/** Renders a message of `D` in one language: `t('incident.step.done')`, `t('incident.started', { time, actor })`. */
export type Speak<D> = <K extends keyof D & string>(key: K, ...args: D[K] extends { readonly en: infer W } ? MessageArgs<W> : never) => string;

/**
 * A message whose wording needs code (lists, plurals, values described in words): one
 * function per language, sharing one parameter type, so both take the same data.
 */
export function bilingual<P = void>(
  en: (params: P) => string,
  zhCN: (params: P) => string,
): { readonly en: (params: NoInfer<P>) => string; readonly 'zh-CN': (params: NoInfer<P>) => string } {
  return { en, 'zh-CN': zhCN };
}

/** Keeps the literal types of the templates, so their placeholders become typed parameters. */
export function defineMessages<const D extends Dictionary>(dictionary: D): D {
  return dictionary;
}

/** One wording, rendered. */
export function render(wording: Wording, params?: unknown): string {
  return typeof wording === 'string' ? fill(wording, (params ?? {}) as Vars) : (wording as (p: unknown) => string)(params);
}

/**
 * The messages of `dictionary` in `language`. The same key and parameters always give the same
 * text. A screen that shows another capability's words passes that dictionary too:
 * `speaker(language, messages, reportMessages)`; the texts test keeps keys unique across all.
 */
/** The dictionaries passed together, as one: `Merged<[A, B]>` is `A & B`. */
export type Merged<Ds extends readonly Dictionary[]> = Ds extends readonly [infer First extends Dictionary, ...infer Rest extends readonly Dictionary[]]
  ? First & Merged<Rest>
  : unknown;

export function speaker<const Ds extends readonly [Dictionary, ...Dictionary[]]>(language: Language, ...dictionaries: Ds): Speak<Merged<Ds>>;
export function speaker(language: Language, ...dictionaries: readonly Dictionary[]): Speak<Dictionary> {
  const say = (key: string, params?: unknown): string => {
    for (const dictionary of dictionaries) {
      const message = dictionary[key];
      if (message) return render(message[language], params);
    }
    return key;
  };
  return say;
}
