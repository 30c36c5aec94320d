package cn.hrss.seal.application.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The languages reports are written in: the labels, verdicts and check names; reasons are the checks' own (English)
 * text, so that they stay exactly what the verifier decided.
 */
public enum ReportLanguage {
    ZH(Map.ofEntries(
            Map.entry("title", "电子印章验证报告"), Map.entry("verdict", "验证结论"),
            Map.entry("validationTime", "验证时间"), Map.entry("documentType", "文档类型"),
            Map.entry("documentChecks", "文档检查"), Map.entry("signature", "签章"),
            Map.entry("signer", "签章人证书"), Map.entry("esId", "印章编码"), Map.entry("sealName", "印章名称"),
            Map.entry("sealMaker", "制章者"), Map.entry("sealValidity", "印章有效期"),
            Map.entry("claimedTime", "声称的签章时间"), Map.entry("timeStampTime", "时间戳时间"),
            Map.entry("check", "检查项"), Map.entry("code", "代码"), Map.entry("reason", "说明"),
            Map.entry("informational", "（仅供参考，不影响结论）"), Map.entry("none", "无"),
            Map.entry("noSignatures", "文档中没有签章"),
            Map.entry("PASSED", "通过"), Map.entry("FAILED", "失败"), Map.entry("INDETERMINATE", "无法确定"),
            Map.entry("FORMAT", "格式"), Map.entry("DOCUMENT_INTEGRITY", "文档完整性"),
            Map.entry("SIGNER_SIGNATURE", "签章人签名"), Map.entry("CERTIFICATE_CHAIN", "证书链"),
            Map.entry("CERTIFICATE_VALIDITY", "证书有效期"), Map.entry("CERTIFICATE_STATUS", "证书状态"),
            Map.entry("TIME_STAMP", "时间戳"), Map.entry("SEAL", "电子印章"), Map.entry("SEAL_STATUS", "印章状态"),
            Map.entry("EVIDENCE_INCLUSION", "存证记录"), Map.entry("EVIDENCE_CHECKPOINT", "存证日志签名"),
            Map.entry("EVIDENCE_WITNESS", "上级见证"), Map.entry("EVIDENCE_ANCHOR", "区块链锚定"))),
    EN(Map.ofEntries(
            Map.entry("title", "Electronic seal verification report"), Map.entry("verdict", "Verdict"),
            Map.entry("validationTime", "Validation time"), Map.entry("documentType", "Document type"),
            Map.entry("documentChecks", "Document checks"), Map.entry("signature", "Signature"),
            Map.entry("signer", "Signer certificate"), Map.entry("esId", "Seal code (esID)"),
            Map.entry("sealName", "Seal name"), Map.entry("sealMaker", "Seal maker"),
            Map.entry("sealValidity", "Seal validity"), Map.entry("claimedTime", "Claimed signing time"),
            Map.entry("timeStampTime", "Time-stamp time"), Map.entry("check", "Check"), Map.entry("code", "Code"),
            Map.entry("reason", "Reason"), Map.entry("informational", " (informational, does not decide)"),
            Map.entry("none", "none"), Map.entry("noSignatures", "The document carries no signature"),
            Map.entry("PASSED", "PASSED"), Map.entry("FAILED", "FAILED"), Map.entry("INDETERMINATE", "INDETERMINATE"),
            Map.entry("FORMAT", "Format"), Map.entry("DOCUMENT_INTEGRITY", "Document integrity"),
            Map.entry("SIGNER_SIGNATURE", "Signer signature"), Map.entry("CERTIFICATE_CHAIN", "Certificate chain"),
            Map.entry("CERTIFICATE_VALIDITY", "Certificate validity"),
            Map.entry("CERTIFICATE_STATUS", "Certificate status"), Map.entry("TIME_STAMP", "Time stamp"),
            Map.entry("SEAL", "Seal"), Map.entry("SEAL_STATUS", "Seal status"),
            Map.entry("EVIDENCE_INCLUSION", "Evidence record"), Map.entry("EVIDENCE_CHECKPOINT", "Evidence log signature"),
            Map.entry("EVIDENCE_WITNESS", "Parent witness"), Map.entry("EVIDENCE_ANCHOR", "Chain anchor")));

    private final Map<String, String> texts;

    ReportLanguage(Map<String, String> texts) {
        this.texts = texts;
    }

    /** The text for a label, verdict or check name; unknown keys are shown as they are. */
    public String text(String key) {
        return texts.getOrDefault(key, key);
    }

    /**
     * {@code lang} ("en", "zh", "zh-CN") if given, else the first language of the Accept-Language header; Chinese
     * unless English is asked (not the server's locale: the node serves Chinese citizens first).
     */
    public static ReportLanguage of(String lang, String acceptLanguage) {
        String tag = lang != null && !lang.isBlank() ? lang
                : acceptLanguage != null && !acceptLanguage.isBlank() ? firstLanguage(acceptLanguage) : "zh";
        return tag.trim().toLowerCase(Locale.ROOT).startsWith("en") ? EN : ZH;
    }

    private static String firstLanguage(String acceptLanguage) {
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            return ranges.isEmpty() ? "zh" : ranges.get(0).getRange();
        } catch (IllegalArgumentException e) {
            return "zh";
        }
    }
}
