package cn.hrss.seal.servicemgmt.api;

import cn.hrss.seal.ca.api.Tier;
import cn.hrss.seal.core.error.SealException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The trust list's JSON document (docs/SERVICE-MGMT.md). The signature covers the exact bytes, so the codec only
 * has to be stable for reading; the publisher signs what it wrote.
 *
 * @param signerCertificate DER of the publishing node's system certificate (its key signs the document)
 */
public record TrustListDocument(long version, String issuer, String signerCertId, byte[] signerCertificate,
                                Instant issued, Instant nextUpdate, List<TrustListEntry> entries) {
    public static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    public TrustListDocument {
        if (version < 1) {
            throw new IllegalArgumentException("version must be positive");
        }
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(signerCertId, "signerCertId");
        signerCertificate = signerCertificate.clone();
        Objects.requireNonNull(issued, "issued");
        Objects.requireNonNull(nextUpdate, "nextUpdate");
        entries = List.copyOf(entries);
    }

    @Override
    public byte[] signerCertificate() {
        return signerCertificate.clone();
    }

    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", version);
        root.put("issuer", issuer);
        root.put("signerCertId", signerCertId);
        root.put("signerCertificate", Base64.getEncoder().encodeToString(signerCertificate));
        root.put("issued", issued.toString());
        root.put("nextUpdate", nextUpdate.toString());
        ArrayNode list = root.putArray("entries");
        for (TrustListEntry e : entries) {
            ObjectNode n = list.addObject();
            n.put("certId", e.certId());
            n.put("certificate", Base64.getEncoder().encodeToString(e.certificate()));
            n.put("tier", e.tier().name());
            n.put("regionCode", e.regionCode());
            n.put("baseUrl", e.baseUrl());
            ArrayNode kinds = n.putArray("kinds");
            EnumSet.copyOf(e.kinds()).forEach(k -> kinds.add(k.name()));
            n.put("status", e.status().name());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a document; anything unreadable is TRUST_LIST_MALFORMED. */
    public static TrustListDocument parse(byte[] json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || root.path("format").asInt() != FORMAT) {
                throw malformed("unknown trust list format");
            }
            List<TrustListEntry> entries = new ArrayList<>();
            for (JsonNode n : root.withArray("entries")) {
                Set<SystemKind> kinds = EnumSet.noneOf(SystemKind.class);
                n.withArray("kinds").forEach(k -> kinds.add(SystemKind.valueOf(k.asText())));
                entries.add(new TrustListEntry(text(n, "certId"), Base64.getDecoder().decode(text(n, "certificate")),
                        Tier.valueOf(text(n, "tier")), text(n, "regionCode"), text(n, "baseUrl"), kinds,
                        TrustListEntry.Status.valueOf(text(n, "status"))));
            }
            return new TrustListDocument(root.path("version").asLong(), text(root, "issuer"),
                    text(root, "signerCertId"), Base64.getDecoder().decode(text(root, "signerCertificate")),
                    Instant.parse(text(root, "issued")), Instant.parse(text(root, "nextUpdate")), entries);
        } catch (SealException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw malformed("trust list document unreadable: " + e.getClass().getSimpleName());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw malformed("trust list field " + field + " missing");
        }
        return v.asText();
    }

    private static SealException malformed(String message) {
        return new SealException("TRUST_LIST_MALFORMED", 502, message);
    }
}
