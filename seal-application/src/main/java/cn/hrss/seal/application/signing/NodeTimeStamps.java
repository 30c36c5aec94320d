package cn.hrss.seal.application.signing;

import cn.hrss.seal.application.sign.TimeStampSource;
import cn.hrss.seal.ca.api.TimeStamping;
import org.springframework.stereotype.Component;

/**
 * Every signature made by the node is time-stamped by the node's own TSA, in-process: the token is asked for
 * directly ({@link TimeStamping#token}), without encoding, parsing and matching an RFC 3161 request and response
 * inside one process. The verifier checks the token like any other.
 */
@Component
class NodeTimeStamps implements TimeStampSource {
    private final TimeStamping tsa;

    NodeTimeStamps(TimeStamping tsa) {
        this.tsa = tsa;
    }

    @Override
    public byte[] timeStamp(byte[] sm3Imprint) {
        return tsa.token(sm3Imprint);
    }
}
