package cn.hrss.seal.making.review;

import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

@RestController
@RequestMapping("/api/v1/seal-applications/{id}")
@PreAuthorize("hasRole('SEAL_REVIEWER')")
class ReviewController {
    private final Reviews reviews;

    ReviewController(Reviews reviews) {
        this.reviews = reviews;
    }

    @PostMapping("/approve")
    Map<String, String> approve(@PathVariable String id, @Valid @RequestBody ReviewRequest request,
                                Authentication caller) {
        return decide(id, Reviews.Decision.APPROVE, request, caller);
    }

    @PostMapping("/reject")
    Map<String, String> reject(@PathVariable String id, @Valid @RequestBody ReviewRequest request,
                               Authentication caller) {
        return decide(id, Reviews.Decision.REJECT, request, caller);
    }

    private Map<String, String> decide(String id, Reviews.Decision decision, ReviewRequest request,
                                       Authentication caller) {
        var status = reviews.decide(id, decision, request.opinion().strip(), caller.getName());
        return Map.of("id", id, "status", status.name());
    }
}
