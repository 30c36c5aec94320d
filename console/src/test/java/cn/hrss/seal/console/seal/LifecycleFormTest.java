package cn.hrss.seal.console.seal;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LifecycleFormTest {
    private final LifecycleForm form = new LifecycleForm(" 单位更名 ", 30, "新单位", " ", null, "新印章");

    @Test
    void eachStepSendsOnlyItsFields() {
        assertThat(form.body(LifecycleForm.Action.LOSS)).isEqualTo(Map.of("reason", "单位更名"));
        assertThat(form.body(LifecycleForm.Action.CANCEL)).isEqualTo(Map.of("reason", "单位更名"));
        assertThat(form.body(LifecycleForm.Action.RENEW)).isEqualTo(Map.of("reason", "单位更名", "validityDays", 30));
        // blank fields of a change stay as they were: they are not sent
        assertThat(form.body(LifecycleForm.Action.CHANGE)).isEqualTo(Map.of("reason", "单位更名", "validityDays", 30,
                "unitName", "新单位", "sealName", "新印章"));
    }

    @Test
    void stepsAreKnownByTheirPathOnly() {
        assertThat(LifecycleForm.Action.of("replace")).isEqualTo(LifecycleForm.Action.REPLACE);
        assertThat(LifecycleForm.Action.of("REPLACE")).isNull();
        assertThat(LifecycleForm.Action.of("make")).isNull();
    }
}
