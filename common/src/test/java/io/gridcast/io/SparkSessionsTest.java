package io.gridcast.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SparkSessionsTest {

    @Test
    void lookalikeWarehousesGetOwnCatalogs() {
        String underscore = SparkSessions.catalogFileName("s3a://bucket/w_h");
        String slash = SparkSessions.catalogFileName("s3a://bucket/w/h");

        assertThat(underscore).startsWith("s3a_bucket_w_h-").endsWith(".db");
        assertThat(slash).startsWith("s3a_bucket_w_h-").isNotEqualTo(underscore);
        assertThat(SparkSessions.catalogFileName("s3a://bucket/w_h")).isEqualTo(underscore);
    }
}
