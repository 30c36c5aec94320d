package cn.hrss.seal.making.lifecycle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of loss, cancel and replace: why (the holder's written reason, LD/T 01.1 tables 3, 4, 6). */
record ReasonRequest(@NotBlank @Size(max = 1000) String reason) {
}
