package cn.hrss.seal.accounts.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Body of {@code POST /api/v1/users}. Roles stay strings here so that an unknown role gets its own error code
 * instead of a generic unreadable-body error.
 */
record NewUser(
        @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{2,63}",
                message = "3..64 letters, digits, '.', '_' or '-', starting with a letter or digit") String username,
        @NotNull @Size(max = 200) String password,
        @NotBlank @Size(max = 200) String displayName,
        @NotEmpty @Size(max = 5) List<@NotNull String> roles) {

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", displayName=" + displayName + ", roles=" + roles + "]";
    }
}
