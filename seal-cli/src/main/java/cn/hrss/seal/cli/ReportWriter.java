package cn.hrss.seal.cli;

import cn.hrss.seal.application.verify.CheckResult;
import cn.hrss.seal.application.verify.SealDetails;
import cn.hrss.seal.application.verify.SignatureReport;
import cn.hrss.seal.application.verify.VerificationReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Prints a verification report as text for people or as the node's verification JSON (API-CONTRACT.md). */
final class ReportWriter {
    enum Format { text, json }

    private ReportWriter() {
    }

    static void write(VerificationReport report, String documentType, Format format, PrintWriter out) {
        if (format == Format.json) {
            try {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(json(report, documentType)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        out.println(documentType + ": " + report.verdict() + " (validated " + report.validationTime() + ")");
        report.documentChecks().forEach(c -> out.println("  " + line(c)));
        for (SignatureReport s : report.signatures()) {
            out.println("signature " + s.name() + ": " + s.verdict());
            s.esId().ifPresent(v -> out.println("  seal:    " + v + s.sealName().map(n -> " " + n).orElse("")));
            s.signer().ifPresent(v -> out.println("  signer:  " + v));
            s.claimedTime().ifPresent(v -> out.println("  claimed: " + v));
            s.timeStampTime().ifPresent(v -> out.println("  stamped: " + v));
            s.checks().forEach(c -> out.println("  " + line(c)));
        }
    }

    private static String line(CheckResult c) {
        return String.format("%-13s %-20s %s%s", c.verdict(), c.check(),
                CheckResult.OK.equals(c.code()) ? "" : c.code() + ": ", c.reason());
    }

    static Map<String, Object> json(VerificationReport report, String documentType) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verdict", report.verdict().name());
        m.put("validationTime", report.validationTime().toString());
        m.put("documentType", documentType);
        m.put("documentChecks", checks(report.documentChecks()));
        m.put("signatures", report.signatures().stream().map(ReportWriter::signature).toList());
        return m;
    }

    private static Map<String, Object> signature(SignatureReport s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("verdict", s.verdict().name());
        m.put("signer", s.signer().orElse(null));
        m.put("esId", s.esId().orElse(null));
        m.put("sealName", s.sealName().orElse(null));
        m.put("sealMaker", s.seal().flatMap(SealDetails::maker).orElse(null));
        m.put("claimedTime", time(s.claimedTime()));
        m.put("timeStampTime", time(s.timeStampTime()));
        m.put("checks", checks(s.checks()));
        return m;
    }

    private static List<Map<String, Object>> checks(List<CheckResult> checks) {
        return checks.stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("check", c.check().name());
            m.put("verdict", c.verdict().name());
            m.put("code", c.code());
            m.put("reason", c.reason());
            m.put("decisive", c.decisive());
            return m;
        }).toList();
    }

    private static String time(Optional<Instant> t) {
        return t.map(Instant::toString).orElse(null);
    }
}
