package cn.hrss.seal.application.portal;

import org.springframework.context.MessageSource;

import java.util.Locale;

/** The portal's texts in one language (zh-CN unless English is chosen), for the controller and the template. */
final class PortalTexts {
    private final MessageSource messages;

    PortalTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** "en" chooses English; anything else (or nothing) is Chinese, the citizens' language. */
    static Locale locale(String lang) {
        return lang != null && lang.trim().toLowerCase(Locale.ROOT).startsWith("en")
                ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    In in(Locale locale) {
        return new In(locale);
    }

    /** The texts of one language; unknown keys fall back to the given default (the verifier's own reason). */
    final class In {
        private final Locale locale;

        private In(Locale locale) {
            this.locale = locale;
        }

        public String get(String key, Object... args) {
            return messages.getMessage(key, args, key, locale);
        }

        public String getOr(String key, String fallback) {
            return messages.getMessage(key, null, fallback, locale);
        }

        public boolean english() {
            return Locale.ENGLISH.equals(locale);
        }

        public String lang() {
            return english() ? "en" : "zh-CN";
        }
    }
}
