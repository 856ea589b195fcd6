import { type MessageKey, translate } from "../../../shared/i18n/index.ts";

/** The Chinese text of a key, for locating elements as a user reads them. */
export const zh = (key: MessageKey, params?: Record<string, string | number>) =>
  translate("zh-CN", key, params);
