package io.gridcast.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Day-ahead price datasets in the format of the epftoolbox benchmark datasets: four columns,
 * {@code YYYY-MM-DD HH:MM:SS,price,exogenous 1,exogenous 2}, one row per hour. The time is the
 * hour beginning in nominal local market time, with DST days regularised to 24 hours, so it is
 * kept as a delivery date and hour ending and never converted to UTC. Negative prices are
 * valid.
 *
 * <p>The header is recognised by its shape, not its names: the first cell is empty (as in
 * {@code DE.csv}) or names the time (such as {@code Date}), and the other three name the price
 * and the two exogenous series. Those two names are stored as published.
 */
final class EpfDatasetLayout implements ReportLayout {

    /** Largest price magnitude accepted: far beyond any market's price cap, so only typos. */
    static final double MAX_ABS_PRICE_PER_MWH = 1_000_000;

    /** Currencies of the markets whose datasets state their unit. */
    static final Map<String, String> KNOWN_CURRENCIES = Map.of("DE", "EUR", "PJM", "USD");

    static final int COLUMNS = 4;

    private static final Pattern MARKET = Pattern.compile("[A-Z0-9_-]{1,32}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final DateTimeFormatter HOUR_START = DateTimeFormatter
            .ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final String TIME = "time";
    private static final String PRICE = "price";
    private static final String EXOGENOUS_1 = "exogenous_1";
    private static final String EXOGENOUS_2 = "exogenous_2";

    private static final StructType SCHEMA = new StructType()
            .add("market", DataTypes.StringType, false)
            .add("delivery_date", DataTypes.DateType, false)
            .add("hour_ending", DataTypes.IntegerType, false)
            .add("price_per_mwh", DataTypes.DoubleType, false)
            .add("currency", DataTypes.StringType, false)
            .add("exogenous_1", DataTypes.DoubleType, false)
            .add("exogenous_2", DataTypes.DoubleType, false)
            .add("exogenous_1_name", DataTypes.StringType, false)
            .add("exogenous_2_name", DataTypes.StringType, false);

    private final String market;
    private final String currency;
    /** Header cells of the bound file, trimmed, or null until {@link #forHeader} binds one. */
    private final List<String> headerNames;

    /**
     * Creates the layout of one run.
     *
     * @param market market of every file, upper case, or null to take each file's name stem
     * @param currency currency of every file's prices, or null for the market's known one
     */
    EpfDatasetLayout(String market, String currency) {
        this(market, currency, null);
    }

    private EpfDatasetLayout(String market, String currency, List<String> headerNames) {
        this.market = market;
        this.currency = currency;
        this.headerNames = headerNames;
    }

    @Override
    public String description() {
        return "epftoolbox day-ahead price dataset";
    }

    /** Binds the file's header, market and currency once its header is read. */
    @Override
    public ReportLayout forHeader(String sourceFile, String[] names) {
        List<String> trimmed = checkHeader(sourceFile, names);
        String fileMarket = market != null ? market : marketOfFile(sourceFile);
        String fileCurrency = currency != null ? currency : KNOWN_CURRENCIES.get(fileMarket);
        if (fileCurrency == null) {
            throw new InvalidInputException("Missing currency of market " + fileMarket + " in "
                    + sourceFile + ": set --currency (or prices.currency), e.g. EUR");
        }
        return new EpfDatasetLayout(fileMarket, fileCurrency, trimmed);
    }

    @Override
    public Map<String, String> headerFields() {
        if (headerNames == null) {
            throw new IllegalStateException("No header bound to the " + description());
        }
        return Map.of(
                ReportCells.normalise(headerNames.get(0)), TIME,
                ReportCells.normalise(headerNames.get(1)), PRICE,
                ReportCells.normalise(headerNames.get(2)), EXOGENOUS_1,
                ReportCells.normalise(headerNames.get(3)), EXOGENOUS_2);
    }

    @Override
    public List<String> requiredFields() {
        return List.of(TIME, PRICE, EXOGENOUS_1, EXOGENOUS_2);
    }

    @Override
    public StructType schema() {
        return SCHEMA;
    }

    @Override
    public Object[] parse(ReportCells cells) {
        LocalDateTime hourStart = hourStart(cells.text(TIME));
        double pricePerMwh = number(PRICE, cells.text(PRICE));
        if (Math.abs(pricePerMwh) > MAX_ABS_PRICE_PER_MWH) {
            throw new RowRejection("Invalid " + PRICE + ": '" + cells.text(PRICE)
                    + "' is out of range (beyond plus or minus 1,000,000 per MWh)");
        }
        double exogenous1 = number(EXOGENOUS_1, cells.text(EXOGENOUS_1));
        double exogenous2 = number(EXOGENOUS_2, cells.text(EXOGENOUS_2));
        LocalDate deliveryDate = hourStart.toLocalDate();
        int hourEnding = hourStart.getHour() + 1;
        return new Object[] {market, deliveryDate, hourEnding, pricePerMwh, currency,
            exogenous1, exogenous2, headerNames.get(2), headerNames.get(3)};
    }

    /**
     * Returns the market named by a file: its name without folders and extension, upper case
     * ({@code .../DE.csv.gz} is DE).
     *
     * @throws InvalidInputException if that name is not a valid market name
     */
    static String marketOfFile(String sourceFile) {
        String name = sourceFile.substring(sourceFile.lastIndexOf('/') + 1);
        String stem = name.replaceFirst("(?i)\\.csv(\\.gz)?$", "").toUpperCase(Locale.ROOT);
        if (!MARKET.matcher(stem).matches()) {
            throw new InvalidInputException("Invalid market name " + stem + " from file "
                    + sourceFile + ": set --market NAME (letters, digits, _ or -, at most 32)");
        }
        return stem;
    }

    /**
     * Returns {@code name} upper case if it is a valid market name.
     *
     * @throws IllegalArgumentException naming the value otherwise
     */
    static String checkMarket(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        if (!MARKET.matcher(upper).matches()) {
            throw new IllegalArgumentException("Invalid market: '" + name + "' (expected 1 to 32 "
                    + "letters, digits, _ or -, e.g. DE)");
        }
        return upper;
    }

    /**
     * Returns {@code code} upper case if it is a three-letter currency code.
     *
     * @throws IllegalArgumentException naming the value otherwise
     */
    static String checkCurrency(String code) {
        String upper = code.trim().toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(upper).matches()) {
            throw new IllegalArgumentException("Invalid currency: '" + code + "' (expected an "
                    + "ISO 4217 code such as EUR or USD)");
        }
        return upper;
    }

    private static List<String> checkHeader(String sourceFile, String[] names) {
        if (names.length != COLUMNS) {
            throw new InvalidInputException("Invalid header in " + sourceFile + ": expected "
                    + COLUMNS + " columns (time, price, exogenous 1, exogenous 2), found "
                    + names.length);
        }
        List<String> trimmed = java.util.Arrays.stream(names)
                .map(name -> name == null ? "" : name.trim()).toList();
        String time = ReportCells.normalise(trimmed.get(0));
        if (!time.isEmpty() && !time.contains("date") && !time.contains("time")) {
            throw new InvalidInputException("Invalid header in " + sourceFile + ": the first "
                    + "column must be unnamed or name the time (e.g. Date), found '"
                    + trimmed.get(0) + "'");
        }
        Set<String> seen = new HashSet<>(Set.of(time));
        for (int i = 1; i < COLUMNS; i++) {
            if (trimmed.get(i).isEmpty()) {
                throw new InvalidInputException("Invalid header in " + sourceFile + ": column "
                        + (i + 1) + " has no name");
            }
            if (!seen.add(ReportCells.normalise(trimmed.get(i)))) {
                throw new InvalidInputException("Invalid header in " + sourceFile + ": column "
                        + (i + 1) + " repeats the name '" + trimmed.get(i) + "'");
            }
        }
        return trimmed;
    }

    private static LocalDateTime hourStart(String text) {
        LocalDateTime start;
        try {
            start = LocalDateTime.parse(text, HOUR_START);
        } catch (DateTimeParseException e) {
            throw new RowRejection("Invalid timestamp: '" + text
                    + "' (expected YYYY-MM-DD HH:MM:SS)");
        }
        if (start.getMinute() != 0 || start.getSecond() != 0) {
            throw new RowRejection("Invalid timestamp: '" + text + "' is not on the hour");
        }
        return start;
    }

    /** Parses a decimal number; Java's extras (NaN, Infinity, hex, a d or f suffix) reject. */
    private static double number(String field, String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new RowRejection("Invalid " + field + ": '" + text + "' is not a number");
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw new RowRejection("Invalid " + field + ": '" + text + "' is out of range");
        }
        return value;
    }
}
