package cn.hrss.seal.application.sign;

import cn.hrss.seal.core.error.SealException;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * The RFC 3161 exchange over any transport: builds a TimeStampReq (SM3 imprint, random nonce, certReq), hands it to
 * the transport and checks the TimeStampResp answers it (imprint and nonce). The token's signature and the TSA
 * certificate are judged by the verifier, not here.
 */
public final class Rfc3161TimeStampSource implements TimeStampSource {

    /** Carries a DER TimeStampReq to a TSA and returns its DER TimeStampResp; failures as {@link SealException}. */
    @FunctionalInterface
    public interface Transport {
        byte[] exchange(byte[] timeStampRequest);
    }

    private final Transport transport;
    private final SecureRandom random = new SecureRandom();

    public Rfc3161TimeStampSource(Transport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public byte[] timeStamp(byte[] sm3Imprint) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(GMObjectIdentifiers.sm3, sm3Imprint,
                new BigInteger(64, random));
        byte[] answer;
        try {
            answer = transport.exchange(request.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            TimeStampResponse response = new TimeStampResponse(answer);
            response.validate(request);
            TimeStampToken token = response.getTimeStampToken();
            if (token == null) {
                throw new SealException(REJECTED, 502, "TSA refused: status " + response.getStatus() + " "
                        + response.getStatusString());
            }
            return token.getEncoded();
        } catch (TSPException e) {
            throw new SealException(REJECTED, 502, "TSA response does not answer the request: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (e instanceof SealException sealException) {
                throw sealException;
            }
            throw new SealException(UNAVAILABLE, 502, "TSA response unreadable: " + e.getMessage());
        }
    }
}
