package cn.hrss.seal.console.seal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One lifecycle step on a seal: the written reason always; renew also the new validity; change the fields that
 * change (blank ones stay as they were).
 */
record LifecycleForm(
        @NotBlank @Size(max = 1000) String reason,
        @Min(1) @Max(3650) Integer validityDays,
        @Size(max = 200) String unitName,
        @Size(max = 300) String unitAddress,
        @Size(max = 64) String agentName,
        @Size(max = 100) String sealName) {

    static LifecycleForm empty() {
        return new LifecycleForm("", null, null, null, null, null);
    }

    /** The API body of {@code action}. */
    Map<String, Object> body(Action action) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason.strip());
        if (action == Action.RENEW || action == Action.CHANGE) {
            putIfGiven(body, "validityDays", validityDays);
        }
        if (action == Action.CHANGE) {
            putIfGiven(body, "unitName", unitName);
            putIfGiven(body, "unitAddress", unitAddress);
            putIfGiven(body, "agentName", agentName);
            putIfGiven(body, "sealName", sealName);
        }
        return body;
    }

    private static void putIfGiven(Map<String, Object> body, String field, Object value) {
        if (value instanceof String s ? !s.isBlank() : value != null) {
            body.put(field, value instanceof String s ? s.strip() : value);
        }
    }

    /** The lifecycle steps of the contract, by their path segment. */
    enum Action {
        LOSS, CANCEL, RENEW, CHANGE, REPLACE;

        String path() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Action of(String path) {
            for (Action a : values()) {
                if (a.path().equals(path)) {
                    return a;
                }
            }
            return null;
        }
    }
}
