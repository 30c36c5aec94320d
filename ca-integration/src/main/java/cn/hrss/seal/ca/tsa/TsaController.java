package cn.hrss.seal.ca.tsa;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** RFC 3161 section 3.4: {@code POST /ca/tsa}, application/timestamp-query -> application/timestamp-reply. */
@RestController
class TsaController {
    static final MediaType TIMESTAMP_REPLY = MediaType.parseMediaType("application/timestamp-reply");

    private final TimeStampAuthority tsa;

    TsaController(TimeStampAuthority tsa) {
        this.tsa = tsa;
    }

    @PostMapping("/ca/tsa")
    ResponseEntity<byte[]> stamp(@RequestBody(required = false) byte[] request) {
        return ResponseEntity.ok().contentType(TIMESTAMP_REPLY).body(tsa.respond(request));
    }
}
