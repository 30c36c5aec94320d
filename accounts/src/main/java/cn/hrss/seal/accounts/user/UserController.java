package cn.hrss.seal.accounts.user;

import cn.hrss.seal.accounts.api.SealPrincipal;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** User administration; every operation belongs to the system administrator. */
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class UserController {
    private final UserAccounts accounts;

    UserController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@Valid @RequestBody NewUser body, @AuthenticationPrincipal SealPrincipal caller) {
        accounts.create(body.username(), body.password(), body.displayName(), UserAccounts.parseRoles(body.roles()),
                caller.id());
        return accounts.get(body.username());
    }

    @GetMapping
    List<UserView> list() {
        return accounts.list();
    }

    @GetMapping("/{username}")
    UserView get(@PathVariable String username) {
        return accounts.get(username);
    }

    @PostMapping("/{username}/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disable(@PathVariable String username, @AuthenticationPrincipal SealPrincipal caller) {
        accounts.setEnabled(username, false, caller.id());
    }

    @PostMapping("/{username}/enable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void enable(@PathVariable String username, @AuthenticationPrincipal SealPrincipal caller) {
        accounts.setEnabled(username, true, caller.id());
    }

    @PostMapping("/{username}/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlock(@PathVariable String username, @AuthenticationPrincipal SealPrincipal caller) {
        accounts.unlock(username, caller.id());
    }
}
