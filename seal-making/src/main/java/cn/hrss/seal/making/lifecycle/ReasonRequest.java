package cn.hrss.seal.making.lifecycle;

import java.time.Instant;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of loss, cancel and replace: why (the holder's written reason, LD/T 01.1 tables 3, 4, 6), and for loss and
 * cancel optionally since when the seal must not be relied on (lost since; void from, e.g. its issue when it was
 * obtained with forged papers). Signatures time-stamped after that time then fail verification; without it the
 * change takes effect now. It may not lie in the future nor before the seal's current status began (the status
 * system's 400 STATUS_TIME_IN_FUTURE / 409 STATUS_CHANGE_OUT_OF_ORDER, and nothing changes).
 */
record ReasonRequest(@NotBlank @Size(max = 1000) String reason, Instant effectiveFrom) {
}
