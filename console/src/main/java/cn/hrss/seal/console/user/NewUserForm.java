package cn.hrss.seal.console.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/**
 * The system administrator's new-user form. The password rules and the separation of duties between roles are the
 * accounts module's; its refusals come back as messages on this form.
 */
record NewUserForm(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{2,63}") String username,
        @NotBlank @Size(max = 200) String displayName,
        @NotBlank @Size(max = 200) String password,
        @NotEmpty @Size(max = 5) List<String> roles) {

    /** Roles a person may hold (API_CLIENT is for business systems only). */
    static final List<String> ASSIGNABLE = List.of("SYSTEM_ADMIN", "BUSINESS_ADMIN", "AUDIT_ADMIN", "SEAL_OPERATOR",
            "SEAL_REVIEWER");

    NewUserForm {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    static NewUserForm empty() {
        return new NewUserForm("", "", "", List.of());
    }

    Map<String, Object> body() {
        return Map.of("username", username.strip(), "displayName", displayName.strip(), "password", password,
                "roles", roles);
    }

    @Override
    public String toString() {
        return "NewUserForm[username=" + username + ", roles=" + roles + "]";
    }
}
