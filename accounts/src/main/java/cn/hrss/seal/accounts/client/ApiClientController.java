package cn.hrss.seal.accounts.client;

import cn.hrss.seal.accounts.api.SealPrincipal;
import cn.hrss.seal.accounts.session.IssuedToken;
import cn.hrss.seal.accounts.session.Sessions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** API client administration (business administrator) and the client-credentials token endpoint. */
@RestController
class ApiClientController {
    private final ApiClients clients;
    private final Sessions sessions;

    ApiClientController(ApiClients clients, Sessions sessions) {
        this.clients = clients;
        this.sessions = sessions;
    }

    record NewClient(@NotBlank @Size(max = 200) String name) {
    }

    record ClientCredentials(@NotNull @Size(max = 64) String clientId, @NotNull @Size(max = 64) String clientSecret) {
        @Override
        public String toString() {
            return "ClientCredentials[clientId=" + clientId + "]";
        }
    }

    @PostMapping("/api/v1/api-clients")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('BUSINESS_ADMIN')")
    ApiClients.Created create(@Valid @RequestBody NewClient body, @AuthenticationPrincipal SealPrincipal caller) {
        return clients.create(body.name(), caller.id());
    }

    @GetMapping("/api/v1/api-clients")
    @PreAuthorize("hasRole('BUSINESS_ADMIN')")
    List<ApiClients.View> list() {
        return clients.list();
    }

    @PostMapping("/api/v1/api-clients/{clientId}/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('BUSINESS_ADMIN')")
    void disable(@PathVariable String clientId, @AuthenticationPrincipal SealPrincipal caller) {
        clients.disable(clientId, caller.id());
    }

    @PostMapping("/api/v1/auth/client-token")
    IssuedToken clientToken(@Valid @RequestBody ClientCredentials body) {
        return sessions.open(clients.authenticate(body.clientId(), body.clientSecret()));
    }
}
