package cn.hrss.seal.statusfed;

import cn.hrss.seal.core.message.MessageHeaders;
import cn.hrss.seal.core.message.MessageKind;
import cn.hrss.seal.core.message.VerifiedMessage;
import cn.hrss.seal.federation.api.FederationPaths;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The two message kinds of flow 4, behind the federation filter (signature, trust, skew and replay already checked). */
@RestController
class StatusFederationEndpoints {
    private final StatusFederation federation;

    StatusFederationEndpoints(StatusFederation federation) {
        this.federation = federation;
    }

    /** status.change/1: 200 {@code {"messageId","outcome"}}; signed by the filter like every federation answer. */
    @PostMapping("/federation/messages/status.change/1")
    Map<String, String> change(VerifiedMessage message) {
        return Map.of("messageId", message.messageId(), "outcome", federation.receiveChange(message));
    }

    /** status.query/1: 200, kind status.answer/1. */
    @PostMapping("/federation/messages/status.query/1")
    StatusAnswerBody query(VerifiedMessage message, HttpServletResponse response) {
        response.setHeader(MessageHeaders.KIND, MessageKind.STATUS_ANSWER.toString());
        return federation.answer(message);
    }

    static String changePath() {
        return FederationPaths.messagePath(MessageKind.STATUS_CHANGE);
    }
}
