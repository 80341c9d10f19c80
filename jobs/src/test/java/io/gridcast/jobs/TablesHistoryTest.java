package io.gridcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TablesHistoryTest {

    private static final String HEADER =
            "DeliveryDate,HourEnding,SettlementPoint,SettlementPointPrice,DSTFlag\n";

    @Test
    void historyListsSnapshotsAndRollbackRestoresOne() throws IOException {
        Path warehouse = Files.createTempDirectory("tables-history");
        Path input = Files.createTempDirectory("tables-history-input");
        Path query = input.resolve("price.sql");
        Files.writeString(query, "SELECT price_usd_per_mwh FROM price_hourly");
        Files.writeString(input.resolve("dam.csv"), HEADER + "06/20/2026,01:00,HB_PAN, 20,N\n");
        CommandRun.succeeding("ingest", "ercot", "--report", "dam-spp", "--input", input.resolve("dam.csv")
                .toString(), "--set", "storage.warehouse=" + warehouse);
        Files.writeString(input.resolve("dam.csv"), HEADER + "06/20/2026,01:00,HB_PAN, 25,N\n");
        CommandRun.succeeding("ingest", "ercot", "--report", "dam-spp", "--input", input.resolve("dam.csv")
                .toString(), "--set", "storage.warehouse=" + warehouse);

        String history = CommandRun.succeeding("tables", "--history", "price_hourly",
                "--set", "storage.warehouse=" + warehouse);
        List<Long> snapshots = snapshotIds(history);
        assertThat(history).contains("tables --history: 2 snapshots of "
                + "gridcast.gridcast.price_hourly");
        assertThat(CommandRun.succeeding("query", "--sql", query.toString(), "--set", "storage.warehouse=" + warehouse))
                .contains("\n25.0\n");

        String rollback = CommandRun.succeeding("tables", "--rollback", "price_hourly", "--to-snapshot",
                String.valueOf(snapshots.get(0)), "--set", "storage.warehouse=" + warehouse);

        assertThat(rollback).contains("now at snapshot " + snapshots.get(0));
        assertThat(CommandRun.succeeding("query", "--sql", query.toString(), "--set", "storage.warehouse=" + warehouse))
                .contains("\n20.0\n");
        String afterRollback = CommandRun.succeeding("tables", "--history", "price_hourly",
                "--set", "storage.warehouse=" + warehouse);
        assertThat(afterRollback).contains("tables --history: 2 snapshots of ")
                .containsPattern(snapshots.get(1) + " .* no\n");
        assertThat(Gridcast.execute("tables", "--history", "no_such_table",
                "--set", "storage.warehouse=" + warehouse)).isEqualTo(1);
    }

    private static List<Long> snapshotIds(String history) {
        Matcher matcher = Pattern.compile("(?m)^\\S+ \\S*\\s+(\\d{6,})\\s").matcher(history);
        List<Long> ids = new java.util.ArrayList<>();
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }

}
