package cn.hrss.seal.application.signing;

import cn.hrss.seal.application.data.DataSigner;
import cn.hrss.seal.application.ofd.OfdSigner;
import cn.hrss.seal.application.pdf.PdfSigner;
import cn.hrss.seal.application.sign.TimeStampSource;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.ses.asn1.SplicedEncoding;
import cn.hrss.seal.status.api.SealStatus;
import cn.hrss.seal.status.api.SealStatusRecord;
import cn.hrss.seal.status.api.SealStatusService;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Signs with a seal this node holds, for the reviewed flow and the business API alike. Before every signature the
 * seal status system must answer VALID (409 {@code SEAL_NOT_USABLE} otherwise); the signers then check the seal's
 * and certificate's validity at the signing time. Recording who signed and why is the caller's job.
 */
@Service
public class SealSignatures {
    public static final String SEAL_NOT_USABLE = "SEAL_NOT_USABLE";
    public static final String DOCUMENT_TYPE_MISMATCH = "DOCUMENT_TYPE_MISMATCH";
    public static final String PLACEMENT_REQUIRED = "PLACEMENT_REQUIRED";

    private final SigningKeys keys;
    private final SealStatusService status;
    private final PdfSigner pdf;
    private final OfdSigner ofd = new OfdSigner();
    private final TimeStampSource timeStamps;
    private final Clock clock;

    SealSignatures(SigningKeys keys, SealStatusService status, TimeStampSource timeStamps, Optional<Clock> clock) {
        this.keys = keys;
        this.status = status;
        this.timeStamps = timeStamps;
        this.clock = clock.orElseGet(Clock::systemUTC);
        this.pdf = new PdfSigner(timeStamps, this.clock, cn.hrss.seal.application.pdf.PdfLimits.DEFAULT);
    }

    /**
     * Refuses unless the seal exists here, is held by this node and is VALID now.
     *
     * @return the seal name, for records
     */
    public String requireUsable(String esId) {
        SigningKeys.Ready ready = keys.of(esId);
        SealStatusRecord current = status.statusOf(esId);
        if (current.status() != SealStatus.VALID) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("status", current.status().name());
            if (current.since() != null) {
                details.put("since", current.since().toString());
            }
            throw new SealException(SEAL_NOT_USABLE, 409, "seal " + esId + " is " + current.status()
                    + ", not VALID", details, null);
        }
        return ready.seal().sealName();
    }

    /** Signs a PDF or OFD with a visible stamp at {@code placement}. */
    public SignedDocument signDocument(String esId, DocumentKind kind, byte[] document, Placement placement) {
        if (kind == DocumentKind.DATA) {
            throw new IllegalArgumentException("data is signed with signData");
        }
        if (!kind.looksLike(document)) {
            throw SealException.badRequest(DOCUMENT_TYPE_MISMATCH, "the document is not a " + kind);
        }
        if (placement == null) {
            throw SealException.badRequest(PLACEMENT_REQUIRED, "say where the stamp goes: page + x + y, keyword "
                    + "or riding + y");
        }
        String sealName = requireUsable(esId);
        SigningKeys.Ready ready = keys.of(esId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        // the tokens this signing obtained, so that its evidence can name them
        List<String> tokens = new ArrayList<>();
        TimeStampSource recorded = imprint -> {
            byte[] token = timeStamps.timeStamp(imprint);
            tokens.add(HexFormat.of().formatHex(Sm3.hash(token)));
            return token;
        };
        byte[] signed = kind == DocumentKind.PDF
                ? pdf.sign(document, ready.key(), placement.forPdf(), recorded)
                : ofd.sign(document, ready.key(), placement.forOfd(ready.key().sealView().picture()), now, recorded);
        return result(kind, esId, sealName, Sm3.hash(document), signed, now, tokens);
    }

    /** A time-stamped detached SES_Signature over data known by its SM3 digest. */
    public SignedDocument signData(String esId, byte[] sm3, String propertyInfo) {
        return signData(esId, List.of(sm3), i -> propertyInfo, true).get(0);
    }

    /**
     * Detached SES_Signatures over many digests, in their order, after one status check: a batch is one signing act
     * for the seal status as for the records.
     *
     * @param propertyInfo the TBS_Sign propertyInfo of the signature at each index
     * @param timeStamped  whether each signature carries the node TSA's token over its value
     */
    public List<SignedDocument> signData(String esId, List<byte[]> sm3, IntFunction<String> propertyInfo,
                                         boolean timeStamped) {
        String sealName = requireUsable(esId);
        DataSigner signer = keys.of(esId).data();
        HexFormat hex = HexFormat.of();
        List<SignedDocument> signed = new ArrayList<>(sm3.size());
        for (int i = 0; i < sm3.size(); i++) {
            DataSigner.DataSignature signature = signer.signDigest(sm3.get(i), propertyInfo.apply(i), timeStamped);
            List<String> tokens = signature.timeStampToken() == null ? List.of()
                    : List.of(hex.formatHex(Sm3.hash(signature.timeStampToken())));
            signed.add(new SignedDocument(DocumentKind.DATA, esId, sealName, hex.formatHex(sm3.get(i)),
                    signature.encoded(), hex.formatHex(signature.sm3()), clock.instant(), tokens));
        }
        return signed;
    }

    private static SignedDocument result(DocumentKind kind, String esId, String sealName, byte[] inputSm3,
                                         byte[] signed, Instant at, List<String> timeStampSm3) {
        HexFormat hex = HexFormat.of();
        return new SignedDocument(kind, esId, sealName, hex.formatHex(inputSm3), SplicedEncoding.of(signed),
                hex.formatHex(Sm3.hash(signed)), at, timeStampSm3);
    }
}
