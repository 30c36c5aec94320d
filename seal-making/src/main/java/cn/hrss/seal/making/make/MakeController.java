package cn.hrss.seal.making.make;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

@RestController
class MakeController {
    private final SealFactory factory;

    MakeController(SealFactory factory) {
        this.factory = factory;
    }

    /** {@code {"esId","status","sealId"}}; esId is null for a cross-industry seal awaiting its national code. */
    @PostMapping("/api/v1/seal-applications/{id}/make")
    @PreAuthorize("hasRole('SEAL_OPERATOR')")
    Map<String, Object> make(@PathVariable String id, Authentication caller) {
        var seal = factory.make(id, caller.getName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("esId", seal.getEsId());
        body.put("status", seal.getStatus().name());
        body.put("sealId", seal.getId());
        return body;
    }
}
