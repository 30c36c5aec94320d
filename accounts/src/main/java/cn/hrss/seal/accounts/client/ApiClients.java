package cn.hrss.seal.accounts.client;

import cn.hrss.seal.accounts.api.AccountEvent;
import cn.hrss.seal.accounts.api.Role;
import cn.hrss.seal.accounts.api.SealPrincipal;
import cn.hrss.seal.accounts.persistence.ApiClientMapper;
import cn.hrss.seal.accounts.persistence.ApiClientRow;
import cn.hrss.seal.accounts.session.OpaqueToken;
import cn.hrss.seal.core.error.SealException;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Business systems that call the signing API with client credentials. The secret is 32 random bytes, shown once at
 * creation and stored as its SM3 hash. There is no lockout: guessing a 256-bit secret is hopeless, and locking would
 * let anyone who knows a client id stop a business system.
 */
class ApiClients {
    private final ApiClientMapper clients;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiClients(ApiClientMapper clients, ApplicationEventPublisher events, Clock clock) {
        this.clients = clients;
        this.events = events;
        this.clock = clock;
    }

    record Created(String clientId, String clientSecret, String name) {
        @Override
        public String toString() {
            return "Created[clientId=" + clientId + ", clientSecret=***, name=" + name + "]";
        }
    }

    record View(String clientId, String name, boolean enabled, OffsetDateTime createdAt, String createdBy) {
    }

    @Transactional
    Created create(String name, String actor) {
        byte[] id = new byte[10];
        random.nextBytes(id);
        String clientId = "ac-" + HexFormat.of().formatHex(id);
        OpaqueToken secret = OpaqueToken.generate(random);
        ApiClientRow row = new ApiClientRow();
        row.setClientId(clientId);
        row.setName(name);
        row.setSecretHash(secret.hash());
        row.setEnabled(true);
        row.setCreatedAt(clock.instant().atOffset(ZoneOffset.UTC));
        row.setCreatedBy(actor);
        clients.insert(row);
        events.publishEvent(new AccountEvent.ApiClientCreated(clock.instant(), clientId, name, actor));
        return new Created(clientId, secret.value(), name);
    }

    /**
     * @throws SealException {@code BAD_CREDENTIALS} (401) for an unknown client or wrong secret,
     *                       {@code CLIENT_DISABLED} (403) for a disabled client with the right secret
     */
    SealPrincipal authenticate(String clientId, String clientSecret) {
        ApiClientRow row = clientId == null ? null
                : clients.selectOne(new LambdaQueryWrapper<ApiClientRow>().eq(ApiClientRow::getClientId, clientId));
        boolean secretMatches = OpaqueToken.parse(clientSecret)
                .map(s -> s.matches(row == null ? null : row.getSecretHash())).orElse(false);
        if (row == null || !secretMatches) {
            events.publishEvent(new AccountEvent.ClientAuthenticationFailed(clock.instant(), String.valueOf(clientId)));
            throw new SealException("BAD_CREDENTIALS", 401, "client id or secret is wrong");
        }
        if (!row.getEnabled()) {
            throw new SealException("CLIENT_DISABLED", 403, "API client is disabled");
        }
        events.publishEvent(new AccountEvent.ClientTokenIssued(clock.instant(), clientId));
        return new SealPrincipal(SealPrincipal.Kind.API_CLIENT, clientId, row.getName(), Set.of(Role.API_CLIENT));
    }

    @Transactional(readOnly = true)
    List<View> list() {
        return clients.selectList(new LambdaQueryWrapper<ApiClientRow>().orderByAsc(ApiClientRow::getCreatedAt))
                .stream()
                .map(r -> new View(r.getClientId(), r.getName(), r.getEnabled(), r.getCreatedAt(), r.getCreatedBy()))
                .toList();
    }

    @Transactional
    void disable(String clientId, String actor) {
        int updated = clients.update(null, new LambdaUpdateWrapper<ApiClientRow>()
                .eq(ApiClientRow::getClientId, clientId).set(ApiClientRow::getEnabled, false));
        if (updated == 0) {
            throw SealException.notFound("API_CLIENT_NOT_FOUND", "no such API client: " + clientId);
        }
        events.publishEvent(new AccountEvent.ApiClientDisabled(clock.instant(), clientId, actor));
    }
}
