package cn.hrss.seal.evidence;

import cn.hrss.seal.core.message.MessageHeaders;
import cn.hrss.seal.core.message.MessageKind;
import cn.hrss.seal.core.message.VerifiedMessage;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code evidence.checkpoint/1} from a lower node, answered {@code evidence.cosignature/1} (behind the federation filter). */
@RestController
class WitnessEndpoint {
    private final Witnessing witnessing;

    WitnessEndpoint(Witnessing witnessing) {
        this.witnessing = witnessing;
    }

    @PostMapping("/federation/messages/evidence.checkpoint/1")
    Map<String, Object> witness(VerifiedMessage message, HttpServletResponse response) {
        Map<String, Object> cosigned = witnessing.witness(message);
        response.setHeader(MessageHeaders.KIND, MessageKind.EVIDENCE_COSIGNATURE.toString());
        return cosigned;
    }
}
