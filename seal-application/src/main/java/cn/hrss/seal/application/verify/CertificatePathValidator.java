package cn.hrss.seal.application.verify;

import cn.hrss.seal.core.crypto.BouncyCastle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds and checks the path from a certificate to one of the trusted roots, then the validity of every path
 * certificate at a time and its revocation status.
 *
 * <p>Rules: a path that ends at a self-issued certificate that is not trusted, or at a certificate whose issuer is
 * not available, is INDETERMINATE (UNKNOWN_ROOT / ISSUER_NOT_FOUND: trusting more roots could make it pass); a
 * certificate signature that does not verify, or an issuer that is not a CA, is FAILED. Validity outside the period
 * is FAILED when the time is proven (a valid time stamp) and INDETERMINATE (OUT_OF_BOUNDS_NO_POE) when it is only
 * the validation time.
 */
public final class CertificatePathValidator {
    public static final String UNKNOWN_ROOT = "UNKNOWN_ROOT";
    public static final String ISSUER_NOT_FOUND = "ISSUER_NOT_FOUND";
    public static final String BAD_CERTIFICATE_SIGNATURE = "BAD_CERTIFICATE_SIGNATURE";
    public static final String ISSUER_NOT_CA = "ISSUER_NOT_CA";
    public static final String PATH_TOO_LONG = "PATH_TOO_LONG";
    public static final String CERTIFICATE_EXPIRED = "CERTIFICATE_EXPIRED";
    public static final String CERTIFICATE_NOT_YET_VALID = "CERTIFICATE_NOT_YET_VALID";
    public static final String OUT_OF_BOUNDS_NO_POE = "OUT_OF_BOUNDS_NO_POE";
    private static final int MAX_PATH = 8;

    private final List<X509CertificateHolder> trustedRoots;
    private final RevocationSource revocation;

    CertificatePathValidator(List<X509CertificateHolder> trustedRoots, RevocationSource revocation) {
        this.trustedRoots = List.copyOf(trustedRoots);
        this.revocation = Objects.requireNonNull(revocation, "revocation");
    }

    /** The three results for one certificate. */
    public record PathResult(List<X509CertificateHolder> path, CheckResult chain, CheckResult validity,
                             CheckResult status) {
        public PathResult {
            path = List.copyOf(path);
        }

        /** The chain, validity and status results. */
        public List<CheckResult> checks() {
            return List.of(chain, validity, status);
        }

        /** The first decisive result that did not pass: what decides when the path only supports another check. */
        Optional<CheckResult> firstProblem() {
            return checks().stream().filter(c -> c.decisive() && c.verdict() != Verdict.PASSED).findFirst();
        }
    }

    /** @param time the time the certificates must have been valid, proven by a time stamp or not */
    PathResult validate(X509CertificateHolder certificate, Collection<X509CertificateHolder> intermediates,
                        SigningTime time) {
        List<X509CertificateHolder> path = new ArrayList<>();
        CheckResult chain = buildPath(certificate, intermediates, path);
        return new PathResult(path, chain, validity(path, time.at(), time.proven()), status(path, chain, time.at()));
    }

    private CheckResult buildPath(X509CertificateHolder certificate, Collection<X509CertificateHolder> intermediates,
                                  List<X509CertificateHolder> path) {
        X509CertificateHolder current = certificate;
        path.add(current);
        while (path.size() <= MAX_PATH) {
            if (trustedRoots.contains(current)) {
                return CheckResult.passed(Check.CERTIFICATE_CHAIN, "path of " + path.size()
                        + " certificate(s) to trusted root " + name(current.getSubject()));
            }
            if (current.getSubject().equals(current.getIssuer()) && signedBy(current, current)) {
                // an untrusted root, even if a trusted root shares its name (every node's seal root has the same DN)
                return CheckResult.indeterminate(Check.CERTIFICATE_CHAIN, UNKNOWN_ROOT,
                        "path ends at root " + name(current.getSubject()) + ", which is not trusted");
            }
            X509CertificateHolder issuer = null;
            boolean nameMatched = false;
            List<X509CertificateHolder> candidates = new ArrayList<>(trustedRoots);
            candidates.addAll(intermediates);
            for (X509CertificateHolder candidate : candidates) {
                if (candidate.getSubject().equals(current.getIssuer()) && !candidate.equals(current)) {
                    nameMatched = true;
                    if (signedBy(current, candidate)) {
                        issuer = candidate;
                        break;
                    }
                }
            }
            if (issuer == null) {
                if (nameMatched) {
                    return CheckResult.failed(Check.CERTIFICATE_CHAIN, BAD_CERTIFICATE_SIGNATURE,
                            "signature of " + name(current.getSubject()) + " does not verify with its issuer");
                }
                return current.getSubject().equals(current.getIssuer())
                        ? CheckResult.indeterminate(Check.CERTIFICATE_CHAIN, UNKNOWN_ROOT,
                        "path ends at root " + name(current.getSubject()) + ", which is not trusted")
                        : CheckResult.indeterminate(Check.CERTIFICATE_CHAIN, ISSUER_NOT_FOUND,
                        "issuer " + name(current.getIssuer()) + " is neither trusted nor in the signature");
            }
            BasicConstraints constraints = BasicConstraints.fromExtensions(issuer.getExtensions());
            if (constraints == null || !constraints.isCA()) {
                return CheckResult.failed(Check.CERTIFICATE_CHAIN, ISSUER_NOT_CA,
                        "issuer " + name(issuer.getSubject()) + " is not a CA certificate");
            }
            path.add(issuer);
            current = issuer;
        }
        return CheckResult.failed(Check.CERTIFICATE_CHAIN, PATH_TOO_LONG, "more than " + MAX_PATH + " certificates");
    }

    /** A name for a reason text; a DN that does not render (bad UTF-8 in a string) must not fail the verification. */
    public static String name(org.bouncycastle.asn1.x500.X500Name dn) {
        try {
            return dn.toString();
        } catch (RuntimeException unreadable) {
            return "<unreadable name>";
        }
    }

    private static boolean signedBy(X509CertificateHolder certificate, X509CertificateHolder issuer) {
        try {
            return certificate.isSignatureValid(
                    new JcaContentVerifierProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(issuer));
        } catch (CertException | CertificateException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }

    private static CheckResult validity(List<X509CertificateHolder> path, Instant at, boolean timeProven) {
        Date date = Date.from(at);
        for (X509CertificateHolder certificate : path) {
            if (certificate.isValidOn(date)) {
                continue;
            }
            if (!timeProven) {
                return CheckResult.indeterminate(Check.CERTIFICATE_VALIDITY, OUT_OF_BOUNDS_NO_POE,
                        name(certificate.getSubject()) + " is not valid at " + at
                                + " and no time stamp proves an earlier signing time");
            }
            boolean expired = date.after(certificate.getNotAfter());
            return CheckResult.failed(Check.CERTIFICATE_VALIDITY,
                    expired ? CERTIFICATE_EXPIRED : CERTIFICATE_NOT_YET_VALID,
                    name(certificate.getSubject()) + (expired ? " expired " + certificate.getNotAfter().toInstant()
                            : " not valid before " + certificate.getNotBefore().toInstant())
                            + ", signed at " + at);
        }
        return CheckResult.passed(Check.CERTIFICATE_VALIDITY, "all " + path.size()
                + " certificate(s) valid at " + at + (timeProven ? " (time-stamped)" : " (validation time)"));
    }

    private CheckResult status(List<X509CertificateHolder> path, CheckResult chain, Instant at) {
        if (chain.verdict() != Verdict.PASSED) {
            return CheckResult.indeterminate(Check.CERTIFICATE_STATUS, "NO_PATH",
                    "status not checked without a valid path");
        }
        CheckResult result = null;
        for (int i = 0; i + 1 < path.size(); i++) {
            CheckResult one = revocation.status(path.get(i), path.get(i + 1), at);
            if (result == null || one.verdict().compareTo(result.verdict()) > 0) {
                result = one;
            }
        }
        return result != null ? result
                : CheckResult.passed(Check.CERTIFICATE_STATUS, "the certificate is itself a trusted root");
    }
}
