package cn.hrss.seal.accounts.session;

import cn.hrss.seal.accounts.api.AccountEvent;
import cn.hrss.seal.accounts.api.SealPrincipal;
import cn.hrss.seal.accounts.user.UserAccounts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/** Password login, logout, and who-am-I for people. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {
    private final UserAccounts accounts;
    private final Sessions sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AuthController(UserAccounts accounts, Sessions sessions, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    record Login(@NotNull @Size(max = 64) String username, @NotNull @Size(max = 200) String password) {
        @Override
        public String toString() {
            return "Login[username=" + username + "]";
        }
    }

    @PostMapping("/login")
    IssuedToken login(@Valid @RequestBody Login body) {
        return sessions.open(accounts.authenticate(body.username(), body.password()));
    }

    record PasswordChange(@NotNull @Size(max = 200) String currentPassword,
                          @NotNull @Size(max = 200) String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[***]";
        }
    }

    /** A person changes his own password; every session of his ends, this one included. */
    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("principal.kind().name() == 'USER'")
    void changePassword(@Valid @RequestBody PasswordChange body, @AuthenticationPrincipal SealPrincipal caller) {
        accounts.changeOwnPassword(caller.id(), body.currentPassword(), body.newPassword());
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(Authentication authentication) {
        if (authentication instanceof BearerAuthentication bearer) {
            sessions.close(bearer.tokenHash());
            events.publishEvent(new AccountEvent.LoggedOut(clock.instant(), bearer.getName()));
        }
    }

    @GetMapping("/me")
    SealPrincipal me(@AuthenticationPrincipal SealPrincipal caller) {
        return caller;
    }
}
