/** Every UI string has a zh-CN text and an English one; zh-CN is the product's first language. */
export type Texts = Record<string, { zh: string; en: string }>;

/** Identity helper that keeps the literal keys of an area's texts. */
export function defineTexts<const T extends Texts>(texts: T): T {
  return texts;
}
