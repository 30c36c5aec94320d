package cn.hrss.seal.accounts.user;

import cn.hrss.seal.accounts.api.SealPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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

    record NewPassword(@NotNull @Size(max = 200) String password) {
        @Override
        public String toString() {
            return "NewPassword[***]";
        }
    }

    record NewRoles(@NotEmpty @Size(max = 5) List<@NotNull String> roles) {
    }

    @PostMapping("/{username}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@PathVariable String username, @Valid @RequestBody NewPassword body,
                       @AuthenticationPrincipal SealPrincipal caller) {
        accounts.resetPassword(username, body.password(), caller.id());
    }

    @PutMapping("/{username}/roles")
    UserView changeRoles(@PathVariable String username, @Valid @RequestBody NewRoles body,
                         @AuthenticationPrincipal SealPrincipal caller) {
        accounts.changeRoles(username, UserAccounts.parseRoles(body.roles()), caller.id());
        return accounts.get(username);
    }

    @PostMapping("/{username}/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlock(@PathVariable String username, @AuthenticationPrincipal SealPrincipal caller) {
        accounts.unlock(username, caller.id());
    }
}
