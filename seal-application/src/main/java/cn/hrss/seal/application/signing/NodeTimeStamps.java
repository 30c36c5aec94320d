package cn.hrss.seal.application.signing;

import cn.hrss.seal.application.sign.Rfc3161TimeStampSource;
import cn.hrss.seal.application.sign.TimeStampSource;
import cn.hrss.seal.ca.api.TimeStamping;
import org.springframework.stereotype.Component;

/** Every signature made by the node is time-stamped by the node's own TSA, in-process. */
@Component
class NodeTimeStamps implements TimeStampSource {
    private final Rfc3161TimeStampSource exchange;

    NodeTimeStamps(TimeStamping tsa) {
        this.exchange = new Rfc3161TimeStampSource(tsa::respond);
    }

    @Override
    public byte[] timeStamp(byte[] sm3Imprint) {
        return exchange.timeStamp(sm3Imprint);
    }
}
