package cn.hrss.seal.console.web;

import cn.hrss.seal.core.error.SealException;
import org.springframework.validation.BindingResult;

import java.util.Map;

/**
 * Puts the node's {@code VALIDATION_FAILED} field problems onto a form, so the user sees them beside the fields he
 * filled in. Fields the form does not have become a form-wide error.
 */
public final class FieldErrors {
    /** Message code of a field the node refused (wrong check character, unknown code, ...). */
    public static final String REFUSED = "console.field.refused";

    private FieldErrors() {
    }

    /** @return whether the exception was a field validation failure and is now on the form */
    public static boolean bind(SealException e, BindingResult form) {
        if (!"VALIDATION_FAILED".equals(e.code()) || !(e.details().get("fields") instanceof Map<?, ?> fields)) {
            return false;
        }
        fields.forEach((field, problem) -> {
            String name = String.valueOf(field);
            if (hasField(form, name)) {
                form.rejectValue(name, REFUSED, String.valueOf(problem));
            } else {
                form.reject(REFUSED, name + ": " + problem);
            }
        });
        return true;
    }

    private static boolean hasField(BindingResult form, String name) {
        try {
            return form.getFieldType(name) != null;
        } catch (RuntimeException e) { // not a property of the form
            return false;
        }
    }
}
