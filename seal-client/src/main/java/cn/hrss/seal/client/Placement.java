package cn.hrss.seal.client;

import java.util.Map;
import java.util.Objects;

/** Where a stamp goes: page (from 1) and position in millimetres, at a keyword, or as a riding seal. */
public sealed interface Placement {

    static Placement at(int page, double xMm, double yMm) {
        return new At(page, xMm, yMm);
    }

    static Placement keyword(String keyword) {
        return new Keyword(keyword);
    }

    static Placement riding() {
        return new Riding();
    }

    /** The multipart fields of the business API. */
    Map<String, String> formFields();

    /** The JSON object of a sign request document. */
    Map<String, Object> json();

    record At(int page, double x, double y) implements Placement {
        public At {
            if (page < 1) {
                throw new IllegalArgumentException("pages are numbered from 1");
            }
        }

        @Override
        public Map<String, String> formFields() {
            return Map.of("page", Integer.toString(page), "x", Double.toString(x), "y", Double.toString(y));
        }

        @Override
        public Map<String, Object> json() {
            return Map.of("page", page, "x", x, "y", y);
        }
    }

    record Keyword(String keyword) implements Placement {
        public Keyword {
            Objects.requireNonNull(keyword, "keyword");
            if (keyword.isBlank()) {
                throw new IllegalArgumentException("keyword must not be blank");
            }
        }

        @Override
        public Map<String, String> formFields() {
            return Map.of("keyword", keyword);
        }

        @Override
        public Map<String, Object> json() {
            return Map.of("keyword", keyword);
        }
    }

    record Riding() implements Placement {
        @Override
        public Map<String, String> formFields() {
            return Map.of("riding", "true");
        }

        @Override
        public Map<String, Object> json() {
            return Map.of("riding", true);
        }
    }
}
