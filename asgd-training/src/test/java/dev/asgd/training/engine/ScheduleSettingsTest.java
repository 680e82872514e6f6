package dev.asgd.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.core.InvalidParameterException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleSettingsTest {
    private static final String FINGERPRINT =
            "data=synthetic:least-squares;problem=least-squares;l2=0.0;mode=async;workers=2;policy=constant@inv:100;"
                    + "eta=0.05;batch=16;seed=1";

    @Test
    void theRecordedSettingsAreReadBackFromTheFingerprint() {
        Schedule s = new Schedule(FINGERPRINT, List.of());
        assertThat(s.recordedSetting("policy")).isEqualTo("constant@inv:100");
        assertThat(s.recordedSetting("workers")).isEqualTo("2");
        assertThat(s.recordedEta()).isEqualTo(0.05);
    }

    @Test
    void aMissingOrMalformedSettingIsAnInvalidReplay() {
        assertThatThrownBy(() -> new Schedule(TrainingConfig.withoutRate(FINGERPRINT), List.of()).recordedEta())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("eta=");
        assertThatThrownBy(() -> new Schedule(FINGERPRINT.replace("eta=0.05", "eta=fast"), List.of()).recordedEta())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("replay");
    }
}
