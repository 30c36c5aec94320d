package cn.hrss.seal.accesstest;

import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A system administrator tests a lower system before it applies: {@code POST /api/v1/access-tests}. */
@RestController
@RequestMapping("/api/v1/access-tests")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class AccessTestController {
    private final AccessTests tests;

    AccessTestController(AccessTests tests) {
        this.tests = tests;
    }

    record Run(String targetBaseUrl) {
    }

    /** 201 with the verdict, the cases and the signed report envelope the lower node applies with. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> run(@RequestBody(required = false) Run run, Principal caller) {
        return tests.run(run == null ? null : run.targetBaseUrl(), caller.getName());
    }

    @GetMapping("/{id}")
    Map<String, Object> find(@PathVariable String id) {
        return tests.find(id);
    }

    /** The same report as a PDF for the reviewers' file. */
    @GetMapping(value = "/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"access-test-"
                + id + ".pdf\"").contentType(MediaType.APPLICATION_PDF).body(tests.pdf(id));
    }
}
