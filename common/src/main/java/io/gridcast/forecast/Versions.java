package io.gridcast.forecast;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Versions of gridcast and of the libraries a model was trained with, for the registry. */
public final class Versions {

    private Versions() {
    }

    /** gridcast's version from the jar manifest, or {@code dev} when run from classes. */
    public static String gridcast() {
        String version = Versions.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    public static Map<String, String> libraries(SparkSession spark) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("spark", spark.version());
        versions.put("scala", scala.util.Properties.versionNumberString());
        versions.put("xgboost4j", packageVersion(ml.dmlc.xgboost4j.java.Booster.class));
        versions.put("java", System.getProperty("java.version"));
        return versions;
    }

    private static String packageVersion(Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
