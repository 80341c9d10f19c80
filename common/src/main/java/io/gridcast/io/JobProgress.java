package io.gridcast.io;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a job's stages with row counts and elapsed time. */
public final class JobProgress {

    private static final Logger LOG = LoggerFactory.getLogger(JobProgress.class);

    private final String job;
    private final int stageCount;
    private final Clock clock;
    private final Instant started;
    private int stage;

    public JobProgress(String job, int stageCount, Clock clock) {
        this.job = job;
        this.stageCount = stageCount;
        this.clock = clock;
        this.started = clock.instant();
    }

    /** Logs the start of the next stage. */
    public void stage(String name) {
        stage++;
        LOG.info("{} stage {}/{} {}: started at {} s", job, stage, stageCount, name,
                String.format("%.1f", elapsedSeconds()));
    }

    /** Logs a finished step of the current stage with its row count. */
    public void rows(String what, long rows) {
        LOG.info("{} stage {}/{}: {} {} rows, {} s", job, stage, stageCount, what, rows,
                String.format("%.1f", elapsedSeconds()));
    }

    public double elapsedSeconds() {
        return Duration.between(started, clock.instant()).toMillis() / 1000.0;
    }
}
