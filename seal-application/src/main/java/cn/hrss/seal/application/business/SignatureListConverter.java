package cn.hrss.seal.application.business;

import cn.hrss.seal.application.signing.SignedDocument;
import cn.hrss.seal.core.ses.asn1.Der;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes a batch's signatures as DER {@code SEQUENCE OF SES_Signature} straight to the response: each signature
 * from its parts around the seal, so a batch of 500 (about 22 MB with a 45 KB seal) is never one array. Write only.
 */
@Component
class SignatureListConverter extends AbstractHttpMessageConverter<SignatureListConverter.SignatureList> {

    /** The signatures of one batch, in the order of the request. */
    record SignatureList(List<SignedDocument> signatures) {
        SignatureList {
            signatures = List.copyOf(signatures);
        }

        int contentLength() {
            return signatures.stream().mapToInt(SignedDocument::signedLength).sum();
        }
    }

    SignatureListConverter() {
        super(MediaType.parseMediaType(BusinessSigningController.SIGNATURE_LIST_DER));
    }

    @Override
    protected boolean supports(Class<?> type) {
        return SignatureList.class == type;
    }

    @Override
    public boolean canRead(Class<?> clazz, MediaType mediaType) {
        return false;
    }

    @Override
    protected SignatureList readInternal(Class<? extends SignatureList> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("a signature list is only written", input);
    }

    @Override
    protected Long getContentLength(SignatureList list, MediaType contentType) {
        int content = list.contentLength();
        return (long) Der.sequenceHeader(content).length + content;
    }

    @Override
    protected void writeInternal(SignatureList list, HttpOutputMessage output) throws IOException {
        OutputStream out = output.getBody();
        out.write(Der.sequenceHeader(list.contentLength()));
        for (SignedDocument signature : list.signatures()) {
            signature.writeSignedTo(out);
        }
    }
}
