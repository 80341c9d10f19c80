package io.gridcast.jobs;

import io.gridcast.config.Settings;
import io.gridcast.io.JobProgress;
import io.gridcast.io.RunIds;
import io.gridcast.io.SparkSessions;
import io.gridcast.io.TableCatalog;
import io.gridcast.io.Warehouse;
import io.gridcast.registry.ModelRegistry;
import java.time.Clock;
import java.time.Instant;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Resources of a running job: settings, Spark, the catalog, a run id and progress logging. */
final class JobContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobContext.class);

    final String job;
    final Settings settings;
    final SparkSession spark;
    final TableCatalog catalog;
    final Warehouse warehouse;
    final String runId;
    final Instant runTime;
    final JobProgress progress;

    JobContext(String job, Settings settings, int stages, Clock clock) {
        this.job = job;
        this.settings = settings;
        this.runTime = clock.instant();
        this.runId = RunIds.next(job, clock);
        this.progress = new JobProgress(job, stages, clock);
        this.warehouse = Warehouse.from(settings);
        LOG.info("{} run {} starting; warehouse {}", job, runId, warehouse.uri());
        LOG.debug("Settings:\n{}", settings.describe());
        this.spark = SparkSessions.create(settings);
        try {
            warehouse.checkReachable(spark.sparkContext().hadoopConfiguration());
        } catch (RuntimeException e) {
            spark.stop();
            throw e;
        }
        this.catalog = new TableCatalog(spark, settings);
    }

    ModelRegistry registry() {
        return new ModelRegistry(spark, catalog, warehouse, settings.string("registry.artifacts"));
    }

    @Override
    public void close() {
        spark.stop();
    }
}
