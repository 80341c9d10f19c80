import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Baseline of bench/run-ercot-rt.sh: plain Spark reads ERCOT RT price CSVs with a fixed schema
 * and writes them as Parquet, with no validation, time conversion or de-duplication.
 *
 * <p>Usage: java ... bench/PlainSparkCsvToParquet.java INPUT_FOLDER OUTPUT_FOLDER
 */
public class PlainSparkCsvToParquet {

    public static void main(String[] args) {
        long started = System.nanoTime();
        SparkSession spark = SparkSession.builder().master("local[2]")
                .appName("plain-csv-to-parquet").config("spark.ui.enabled", "false")
                .getOrCreate();
        StructType schema = StructType.fromDDL("DeliveryDate string, DeliveryHour int, "
                + "DeliveryInterval int, SettlementPointName string, SettlementPointType string, "
                + "SettlementPointPrice double, DSTFlag string");
        spark.read().option("header", "true").schema(schema).csv(args[0])
                .write().mode("overwrite").parquet(args[1]);
        long rows = spark.read().parquet(args[1]).count();
        double seconds = (System.nanoTime() - started) / (double) TimeUnit.SECONDS.toNanos(1);
        System.out.printf("plain spark finished in %.1f s: rows %d%n", seconds, rows);
        spark.stop();
    }
}
