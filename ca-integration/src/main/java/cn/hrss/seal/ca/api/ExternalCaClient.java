package cn.hrss.seal.ca.api;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

import java.util.List;

/**
 * A certificate authority outside this node, reached over an enrolment protocol. Failures are
 * {@link cn.hrss.seal.core.error.SealException}s with codes {@code EXTERNAL_CA_UNAVAILABLE},
 * {@code EXTERNAL_CA_REJECTED} and {@code EXTERNAL_CA_BAD_RESPONSE}.
 */
public interface ExternalCaClient {

    /** The CA's current certificates (trust anchor first when the CA says which it is). */
    List<X509CertificateHolder> caCertificates();

    /** Sends a PKCS#10 request (the caller signed it with the device key) and returns the issued certificate. */
    X509CertificateHolder enroll(PKCS10CertificationRequest request);
}
