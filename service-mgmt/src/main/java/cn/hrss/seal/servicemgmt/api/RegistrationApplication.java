package cn.hrss.seal.servicemgmt.api;

import cn.hrss.seal.ca.api.Tier;
import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.identity.AdministrativeRegionCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of {@code registration.apply/1}: a lower making or status system applying to its upper tier. Every
 * rule that does not depend on the receiving node is checked here; failures are 400 REGISTRATION_INVALID naming
 * the field.
 *
 * @param publicKey        the SM2 key being registered; the message must be signed with it
 * @param accessTestReport the applicant's access-test report, signed by the same key
 */
public record RegistrationApplication(String systemName, String organisation, Set<SystemKind> kinds, URI baseUrl,
                                      Tier tier, AdministrativeRegionCode region, Sm2PublicKey publicKey,
                                      AccessTestReport accessTestReport) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HEX_KEY = Pattern.compile("04[0-9a-f]{128}");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_REPORT_BYTES = 64 * 1024;

    public RegistrationApplication {
        kinds = Set.copyOf(kinds);
    }

    /**
     * The opaque access-test report (its module comes later): the document bytes, their SM3 and the applicant's
     * DER SM2 signature over them.
     */
    public record AccessTestReport(byte[] document, byte[] digest, byte[] signature, String signer) {
        public AccessTestReport {
            document = document.clone();
            digest = digest.clone();
            signature = signature.clone();
        }

        @Override
        public byte[] document() {
            return document.clone();
        }

        @Override
        public byte[] digest() {
            return digest.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        /** A report signed by the applicant: {@code sign} maps the SM2 digest e to a DER signature. */
        /** A report signed by the tester whose system key is {@code key}: {@code sign} maps e to a DER signature. */
        public static AccessTestReport signed(byte[] document, Sm2PublicKey key,
                                              java.util.function.UnaryOperator<byte[]> sign) {
            return new AccessTestReport(document, Sm3.hash(document), sign.apply(Sm2.digest(key, document)),
                    cn.hrss.seal.core.message.SignerId.of(key).hex());
        }

        /** The envelope as JSON: {@code {"document","digest","signature","signer"}}. */
        public ObjectNode toJson() {
            ObjectNode report = JSON.createObjectNode();
            report.put("document", Base64.getEncoder().encodeToString(document));
            report.put("digest", HexFormat.of().formatHex(digest));
            report.put("signature", Base64.getEncoder().encodeToString(signature));
            report.put("signer", signer);
            return report;
        }
    }

    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("systemName", systemName);
        root.put("organisation", organisation);
        EnumSet.copyOf(kinds).forEach(k -> root.withArray("kinds").add(k.name()));
        root.put("baseUrl", baseUrl.toString());
        root.put("tier", tier.name());
        root.put("regionCode", region.value());
        root.put("publicKey", HexFormat.of().formatHex(publicKey.uncompressed()));
        root.set("accessTestReport", accessTestReport.toJson());
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses and checks the body. */
    public static RegistrationApplication parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw invalid("body", "not JSON");
        }
        if (root == null || !root.isObject()) {
            throw invalid("body", "not a JSON object");
        }
        String systemName = text(root, "systemName", 128);
        String organisation = text(root, "organisation", 128);
        Set<SystemKind> kinds = EnumSet.noneOf(SystemKind.class);
        JsonNode kindsNode = root.get("kinds");
        if (kindsNode == null || !kindsNode.isArray() || kindsNode.isEmpty() || kindsNode.size() > 2) {
            throw invalid("kinds", "one or two of MAKING, STATUS");
        }
        for (JsonNode k : kindsNode) {
            kinds.add(parseEnum(SystemKind.class, k.asText(), "kinds"));
        }
        URI baseUrl = baseUrl(text(root, "baseUrl", 512));
        Tier tier = parseEnum(Tier.class, text(root, "tier", 16), "tier");
        if (tier == Tier.MINISTRY) {
            throw invalid("tier", "PROVINCE or CITY");
        }
        AdministrativeRegionCode region;
        try {
            region = AdministrativeRegionCode.parse(text(root, "regionCode", 6));
        } catch (RuntimeException e) {
            throw invalid("regionCode", "not a GB/T 2260 region code");
        }
        String keyHex = text(root, "publicKey", 130);
        Sm2PublicKey key;
        try {
            if (!HEX_KEY.matcher(keyHex).matches()) {
                throw new IllegalArgumentException("syntax");
            }
            key = Sm2PublicKey.fromUncompressed(HexFormat.of().parseHex(keyHex));
        } catch (RuntimeException e) {
            throw invalid("publicKey", "lower-case hex of an uncompressed SM2 point 04||x||y on the curve");
        }
        JsonNode reportNode = root.get("accessTestReport");
        if (reportNode == null || !reportNode.isObject()) {
            throw invalid("accessTestReport", "missing");
        }
        AccessTestReport report = report(reportNode);
        return new RegistrationApplication(systemName, organisation, kinds, baseUrl, tier, region, key, report);
    }

    /**
     * The envelope's syntax and digest; who signed it, and whether that tester is trusted, is checked by the
     * receiving node against its trust list (it needs the node's state).
     */
    private static AccessTestReport report(JsonNode node) {
        byte[] document;
        byte[] signature;
        String digestHex = text(node, "digest", 64);
        String signer = text(node, "signer", 64);
        try {
            document = Base64.getDecoder().decode(text(node, "document", MAX_REPORT_BYTES * 2));
            signature = Base64.getDecoder().decode(text(node, "signature", 100));
        } catch (IllegalArgumentException e) {
            throw invalid("accessTestReport", "document and signature must be base64");
        }
        if (document.length == 0 || document.length > MAX_REPORT_BYTES || !HEX64.matcher(digestHex).matches()
                || !HEX64.matcher(signer).matches()) {
            throw invalid("accessTestReport", "document of 1.." + MAX_REPORT_BYTES + " bytes, hex SM3 digest and"
                    + " the tester's signer id");
        }
        byte[] digest = HexFormat.of().parseHex(digestHex);
        if (!MessageDigest.isEqual(digest, Sm3.hash(document))) {
            throw invalid("accessTestReport", "digest is not the SM3 of the document");
        }
        return new AccessTestReport(document, digest, signature, signer);
    }

    private static URI baseUrl(String text) {
        try {
            URI uri = new URI(text);
            boolean ok = ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null && uri.getUserInfo() == null && uri.getQuery() == null
                    && uri.getFragment() == null;
            if (ok) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw invalid("baseUrl", "an http(s) address with host and port, no user info, query or fragment");
    }

    private static String text(JsonNode node, String field, int max) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank() || v.asText().length() > max) {
            throw invalid(field, "text of 1.." + max + " characters");
        }
        return v.asText();
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw invalid(field, "unknown value");
        }
    }

    private static SealException invalid(String field, String rule) {
        return new SealException("REGISTRATION_INVALID", 400, field + ": " + rule, Map.of("field", field), null);
    }
}
