package io.gridcast.price;

import static org.apache.spark.sql.functions.col;

import io.gridcast.ingest.InvalidInputException;
import io.gridcast.io.TableCatalog;
import io.gridcast.io.Tables;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads one market's rows of {@code price_inputs_hourly} into {@link PriceDays}. The daily
 * models need every day complete and no day missing: a gap fails the run with the dates.
 */
public final class PriceSeriesReader {

    private final SparkSession spark;
    private final TableCatalog catalog;

    public PriceSeriesReader(SparkSession spark, TableCatalog catalog) {
        this.spark = spark;
        this.catalog = catalog;
    }

    /** Returns the rows of {@code market}, for fingerprints and counts. */
    public Dataset<Row> rows(String market) {
        String table = Tables.PRICE_INPUTS_HOURLY.name();
        if (!spark.catalog().tableExists(catalog.qualified(table))) {
            throw new InvalidInputException("Table not found: " + catalog.qualified(table)
                    + ": run gridcast ingest prices --market " + market + " first");
        }
        return catalog.read(table).filter(col("market").equalTo(market))
                .select("delivery_date", "hour_ending", "price_per_mwh", "exogenous_1",
                        "exogenous_2", "currency");
    }

    /** Reads the series of {@code market}, with its currency. */
    public Series read(String market) {
        List<Row> rows = rows(market).orderBy("delivery_date", "hour_ending").collectAsList();
        if (rows.isEmpty()) {
            throw new InvalidInputException("No rows for market " + market + " in "
                    + catalog.qualified(Tables.PRICE_INPUTS_HOURLY.name())
                    + ": run gridcast ingest prices --market " + market + " first");
        }
        LocalDate first = rows.get(0).getLocalDate(0);
        LocalDate last = rows.get(rows.size() - 1).getLocalDate(0);
        int days = Math.toIntExact(last.toEpochDay() - first.toEpochDay()) + 1;
        double[][] prices = new double[days][PriceDays.HOURS];
        double[][] exogenous1 = new double[days][PriceDays.HOURS];
        double[][] exogenous2 = new double[days][PriceDays.HOURS];
        int[] hoursPerDay = new int[days];
        for (Row row : rows) {
            int day = Math.toIntExact(row.getLocalDate(0).toEpochDay() - first.toEpochDay());
            int hour = row.getInt(1) - 1;
            prices[day][hour] = row.getDouble(2);
            exogenous1[day][hour] = row.getDouble(3);
            exogenous2[day][hour] = row.getDouble(4);
            hoursPerDay[day]++;
        }
        checkComplete(market, first, hoursPerDay);
        return new Series(new PriceDays(market, first, prices, exogenous1, exogenous2),
                rows.get(0).getString(5), rows.size());
    }

    private void checkComplete(String market, LocalDate first, int[] hoursPerDay) {
        for (int day = 0; day < hoursPerDay.length; day++) {
            if (hoursPerDay[day] == PriceDays.HOURS) {
                continue;
            }
            int end = day;
            while (end < hoursPerDay.length && hoursPerDay[end] != PriceDays.HOURS) {
                end++;
            }
            throw new InvalidInputException(catalog.qualified(Tables.PRICE_INPUTS_HOURLY.name())
                    + " has incomplete or missing days for " + market + " from "
                    + first.plusDays(day) + " to " + first.plusDays(end - 1) + " ("
                    + hoursPerDay[day] + " hours on the first): the daily price models need "
                    + "every day of the series, so ingest a file with those days (rows rejected "
                    + "on ingest are in the rejects table)");
        }
    }

    /**
     * A market's series as read.
     *
     * @param days the daily arrays
     * @param currency currency of the prices
     * @param rows input rows read
     */
    public record Series(PriceDays days, String currency, long rows) {
    }
}
