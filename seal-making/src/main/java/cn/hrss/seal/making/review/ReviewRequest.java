package cn.hrss.seal.making.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of approve and reject: the reviewer's opinion (审核意见). */
record ReviewRequest(@NotBlank @Size(max = 1000) String opinion) {
}
