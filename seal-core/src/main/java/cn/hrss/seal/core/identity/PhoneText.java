package cn.hrss.seal.core.identity;

/** Shared clean-up of how people type phone numbers. */
final class PhoneText {
    private PhoneText() {
    }

    /** Drops spaces and hyphens (separators only; anything else is left for the parser to reject). */
    static String compact(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '-') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
