package dev.quarkflow.apiserver.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.quarkflow.common.error.QuarkflowException;

class RecurringScheduleTest {

    private static final Instant CREATED = Instant.parse("2026-03-02T10:00:00Z"); // a Monday

    private static Schedule cron(String expression) {
        return CronSchedules.parse(expression, ZoneOffset.UTC, "cron");
    }

    @Test
    void cron_hasSecondsFirst_andAnOptionalDayOfWeek() {
        assertThat(cron("30 15 10 * * *").nextAfter(CREATED)).contains(Instant.parse("2026-03-02T10:15:30Z"));
        // five fields are sec min hour dom month, as robfig v1 reads them: 10:00:00 every day of March
        assertThat(cron("0 0 10 * 3").nextAfter(CREATED)).contains(Instant.parse("2026-03-03T10:00:00Z"));
        // 0 = Sunday
        assertThat(cron("0 0 9 * * 0").nextAfter(CREATED)).contains(Instant.parse("2026-03-08T09:00:00Z"));
        assertThat(cron("0 0 9 ? * MON").nextAfter(CREATED)).contains(Instant.parse("2026-03-09T09:00:00Z"));
    }

    @Test
    void cron_descriptorsAndEvery() {
        assertThat(cron("@hourly").nextAfter(CREATED)).contains(Instant.parse("2026-03-02T11:00:00Z"));
        assertThat(cron("@daily").nextAfter(CREATED)).contains(Instant.parse("2026-03-03T00:00:00Z"));
        assertThat(cron("@every 1h30m").nextAfter(CREATED)).contains(Instant.parse("2026-03-02T11:30:00Z"));
        assertThat(CronSchedules.goDuration("1.5s")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void cron_rejectsWhatUpstreamRejects_namingTheField() {
        for (String bad : new String[] { "* * *", "61 * * * * *", "@every", "@every 5x", "not a cron" }) {
            assertThatThrownBy(() -> cron(bad)).isInstanceOf(QuarkflowException.class)
                    .hasMessageContaining("cron").hasMessageContaining("not a supported format");
        }
    }

    @Test
    void periodic_firstSlotIsOneIntervalAfterStart_thenEveryInterval() {
        var schedule = new RecurringSchedule(Optional.empty(), Duration.ofMinutes(10), CREATED,
                Optional.of(CREATED.plusSeconds(60)), Optional.empty(), false);

        assertThat(schedule.due(Optional.empty(), CREATED.plusSeconds(659))).isEmpty();
        assertThat(schedule.due(Optional.empty(), CREATED.plusSeconds(660))).contains(CREATED.plusSeconds(660));
        assertThat(schedule.due(Optional.of(CREATED.plusSeconds(660)), CREATED.plusSeconds(1000))).isEmpty();
    }

    @Test
    void catchUp_firesMissedSlotsOldestFirst_noCatchupOnlyTheLatest() {
        Instant now = CREATED.plus(Duration.ofMinutes(35));
        var catchUp = new RecurringSchedule(Optional.empty(), Duration.ofMinutes(10), CREATED, Optional.empty(),
                Optional.empty(), false);
        var noCatchup = new RecurringSchedule(Optional.empty(), Duration.ofMinutes(10), CREATED, Optional.empty(),
                Optional.empty(), true);
        var cronNoCatchup = new RecurringSchedule(Optional.of(cron("0 */10 * * * *")), Duration.ZERO, CREATED,
                Optional.empty(), Optional.empty(), true);

        assertThat(catchUp.due(Optional.empty(), now)).contains(CREATED.plus(Duration.ofMinutes(10)));
        assertThat(catchUp.due(Optional.of(CREATED.plus(Duration.ofMinutes(10))), now))
                .contains(CREATED.plus(Duration.ofMinutes(20)));
        assertThat(noCatchup.due(Optional.empty(), now)).contains(CREATED.plus(Duration.ofMinutes(30)));
        assertThat(cronNoCatchup.due(Optional.empty(), now)).contains(CREATED.plus(Duration.ofMinutes(30)));
    }

    @Test
    void nothingFiresAfterTheEndTime_orBeforeTheCronStart() {
        var ended = new RecurringSchedule(Optional.of(cron("0 * * * * *")), Duration.ZERO, CREATED, Optional.empty(),
                Optional.of(CREATED.plusSeconds(90)), false);
        assertThat(ended.due(Optional.of(CREATED.plusSeconds(60)), CREATED.plusSeconds(300))).isEmpty();
        assertThat(ended.due(Optional.empty(), CREATED.plusSeconds(300))).contains(CREATED.plusSeconds(60));

        var later = new RecurringSchedule(Optional.of(cron("0 0 * * * *")), Duration.ZERO, CREATED,
                Optional.of(CREATED.plus(Duration.ofHours(5))), Optional.empty(), false);
        assertThat(later.due(Optional.empty(), CREATED.plus(Duration.ofHours(5)))).isEmpty();
        assertThat(later.due(Optional.empty(), CREATED.plus(Duration.ofHours(6))))
                .contains(CREATED.plus(Duration.ofHours(6)));
    }
}
