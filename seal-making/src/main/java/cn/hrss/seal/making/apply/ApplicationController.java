package cn.hrss.seal.making.apply;

import cn.hrss.seal.making.persistence.ApplicationStatus;
import cn.hrss.seal.making.persistence.ReviewMapper;
import cn.hrss.seal.making.persistence.ReviewRow;
import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/seal-applications")
class ApplicationController {
    private static final int MAX_PAGE = 200;

    private final SealApplications applications;
    private final ReviewMapper reviews;

    ApplicationController(SealApplications applications, ReviewMapper reviews) {
        this.applications = applications;
        this.reviews = reviews;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('SEAL_OPERATOR')")
    Map<String, String> apply(@Valid @RequestBody ApplicationRequest request, Authentication caller) {
        var row = applications.submit(request, caller.getName());
        return Map.of("id", row.getId(), "status", row.getStatus().name());
    }

    /** Applications by status, oldest first (a reviewer's work list); {@code limit} is capped at 200. */
    @GetMapping
    @PreAuthorize("hasAnyRole('SEAL_OPERATOR', 'SEAL_REVIEWER')")
    List<ApplicationView> list(@RequestParam(defaultValue = "SUBMITTED") ApplicationStatus status,
                               @RequestParam(defaultValue = "50") int limit,
                               @RequestParam(defaultValue = "0") int offset) {
        return applications.list(status, Math.max(1, Math.min(limit, MAX_PAGE)), Math.max(0, offset)).stream()
                .map(a -> ApplicationView.of(a, null)).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('SEAL_OPERATOR', 'SEAL_REVIEWER')")
    ApplicationView get(@PathVariable String id) {
        var row = applications.get(id);
        ReviewRow review = reviews.selectOne(new QueryWrapper<ReviewRow>().eq("application_id", id));
        return ApplicationView.of(row, review);
    }
}
