package cn.hrss.seal.core.identity;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mainland China fixed-line number with its trunk-prefixed area code: {@code 010} and {@code 020}-{@code 029}
 * take an 8-digit subscriber number, the other area codes (4 digits, 03xx-09xx) 7 or 8 digits; subscriber numbers do not start
 * with 0 or 1. Accepted forms: {@code 010-62345678}, {@code (0591)8765432}, {@code 0591 87654321-123}
 * (extension after a hyphen or {@code #}). Canonical form: {@code AREA-SUBSCRIBER[-EXT]}.
 */
public final class LandlineNumber {
    private static final Pattern SHAPE = Pattern.compile("\\(?(0(?:10|2\\d|[3-9]\\d{2}))\\)?[ -]?([2-9]\\d{6,7})(?:[-#](\\d{1,6}))?");

    private final String areaCode;
    private final String subscriber;
    private final String extension;

    private LandlineNumber(String areaCode, String subscriber, String extension) {
        this.areaCode = areaCode;
        this.subscriber = subscriber;
        this.extension = extension;
    }

    public static LandlineNumber parse(String text) {
        Objects.requireNonNull(text, "landline number");
        Matcher m = SHAPE.matcher(text.strip());
        if (!m.matches()) {
            throw invalid("format", "landline number must be an area code starting 0 and a 7-8 digit subscriber number");
        }
        String area = m.group(1);
        String subscriber = m.group(2);
        if (area.length() == 3 && subscriber.length() != 8) {
            throw invalid("subscriber", "area codes 010 and 020-029 take an 8-digit subscriber number");
        }
        return new LandlineNumber(area, subscriber, m.group(3));
    }

    private static InvalidIdentifierException invalid(String rule, String message) {
        return new InvalidIdentifierException(InvalidIdentifierException.INVALID_LANDLINE_NUMBER, rule, message);
    }

    public String areaCode() {
        return areaCode;
    }

    public String subscriber() {
        return subscriber;
    }

    public Optional<String> extension() {
        return Optional.ofNullable(extension);
    }

    /** {@code AREA-SUBSCRIBER[-EXT]}. */
    public String value() {
        return areaCode + "-" + subscriber + (extension == null ? "" : "-" + extension);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LandlineNumber other && value().equals(other.value());
    }

    @Override
    public int hashCode() {
        return value().hashCode();
    }

    @Override
    public String toString() {
        return value();
    }
}
