package cn.hrss.seal.national;

import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.message.MessageKind;
import cn.hrss.seal.core.message.VerifiedMessage;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Flow 3's message kinds (behind the federation filter) and the operators' view of this node's own requests. */
@RestController
class NationalRelayEndpoints {
    private final NationalRelay relay;

    NationalRelayEndpoints(NationalRelay relay) {
        this.relay = relay;
    }

    @PostMapping("/federation/messages/seal.code-request/1")
    Map<String, String> request(VerifiedMessage message) {
        return Map.of("messageId", message.messageId(), "outcome",
                relay.relayUp(message, MessageKind.SEAL_CODE_REQUEST));
    }

    @PostMapping("/federation/messages/seal.filing/1")
    Map<String, String> filing(VerifiedMessage message) {
        return Map.of("messageId", message.messageId(), "outcome", relay.relayUp(message, MessageKind.SEAL_FILING));
    }

    @PostMapping("/federation/messages/seal.code-assigned/1")
    Map<String, String> assigned(VerifiedMessage message) {
        return Map.of("messageId", message.messageId(), "outcome", relay.answerDown(message));
    }

    /** Where a cross-industry seal made here stands with its national code: PENDING, ASSIGNED (esId) or FILED. */
    @GetMapping("/api/v1/national-code-requests/{sealId}")
    @PreAuthorize("hasAnyRole('SEAL_OPERATOR', 'SEAL_REVIEWER', 'SYSTEM_ADMIN')")
    Map<String, Object> request(@PathVariable String sealId) {
        return relay.request(sealId).map(CodeRequests::view).orElseThrow(() -> SealException.notFound(
                "NATIONAL_CODE_REQUEST_NOT_FOUND", "no national code request for seal " + sealId));
    }
}
