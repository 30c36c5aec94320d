package cn.hrss.seal.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A sign request as the node shows it ({@code /api/v1/sign-requests}); unknown members are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SignRequest(String id, String status, String esId, String purpose, List<DocumentView> documents) {
    public SignRequest {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DocumentView(String name, String type) {
    }

    /** A document to submit: PDF, OFD (with a placement) or DATA (without). */
    public record Document(String name, String type, byte[] content, Placement placement) {
        public Document {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            content = content.clone();
        }

        public static Document pdf(String name, byte[] content, Placement placement) {
            return new Document(name, "PDF", content, Objects.requireNonNull(placement, "placement"));
        }

        public static Document ofd(String name, byte[] content, Placement placement) {
            return new Document(name, "OFD", content, Objects.requireNonNull(placement, "placement"));
        }

        public static Document data(String name, byte[] content) {
            return new Document(name, "DATA", content, null);
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("type", type);
            m.put("contentBase64", Base64.getEncoder().encodeToString(content));
            if (placement != null) {
                m.put("placement", placement.json());
            }
            return m;
        }
    }
}
