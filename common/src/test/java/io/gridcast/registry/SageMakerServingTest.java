package io.gridcast.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.ingest.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SageMakerServingTest {

    private static final List<String> FEATURES = List.of("hour", "load_lag_24h_mw", "month");

    @Test
    void headerRowIsCheckedAndDropped() {
        List<String> rows = EndpointPredictions.requestRows(List.of(
                "hour, load_lag_24h_mw ,month", "1,30125.5,7", "2,,7", ""), "rows.csv", FEATURES);

        assertThat(rows).containsExactly("1,30125.5,7", "2,,7");
    }

    @Test
    void headerInOtherOrderIsRejected() {
        assertThatThrownBy(() -> EndpointPredictions.requestRows(List.of(
                "month,hour,load_lag_24h_mw", "7,1,30125.5"), "rows.csv", FEATURES))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("rows.csv line 1: the header [month, hour, "
                        + "load_lag_24h_mw] does not list the model's features in request order");
    }

    @Test
    void shortRowNamesItsLine() {
        assertThatThrownBy(() -> EndpointPredictions.requestRows(List.of(
                "1,30125.5,7", "2,29000"), "rows.csv", FEATURES))
                .hasMessage("rows.csv line 2: 2 cells, expected 3 features");
    }

    @Test
    void textCellNamesLineAndColumn() {
        assertThatThrownBy(() -> EndpointPredictions.requestRows(List.of(
                "1,30125.5,7", "2,n/a,7"), "rows.csv", List.of()))
                .hasMessage("rows.csv line 2 column 2: 'n/a' is not a number");
    }

    @Test
    void firstRowWithTypoIsNotHeader() {
        assertThatThrownBy(() -> EndpointPredictions.requestRows(List.of(
                "1,abc,7", "2,29000,7"), "rows.csv", List.of()))
                .hasMessage("rows.csv line 1 column 2: 'abc' is not a number");
    }

    @Test
    void byteOrderMarkIsDropped() {
        assertThat(EndpointPredictions.requestRows(List.of("\uFEFF1,30125.5,7"), "rows.csv",
                FEATURES)).containsExactly("1,30125.5,7");
    }

    @Test
    void javaNumberSuffixIsRejected() {
        assertThatThrownBy(() -> EndpointPredictions.requestRows(List.of("1,2d,7"), "rows.csv",
                FEATURES)).hasMessage("rows.csv line 1 column 2: '2d' is not a number");
    }

    @Test
    void nanResponseNamesRow() {
        assertThatThrownBy(() -> EndpointPredictions.parsed("10.25\nnan\n", 2, 64, "load"))
                .hasMessage("Endpoint load returned 'nan' for row 66, not a number");
    }

    @Test
    void responseSplitsOnCommasAndLines() {
        assertThat(EndpointPredictions.parsed("10.25,10.5\n10.75\n", 3, 0, "load"))
                .containsExactly(10.25, 10.5, 10.75);
    }

    @Test
    void responseOfWrongLengthIsRejected() {
        assertThatThrownBy(() -> EndpointPredictions.parsed("10.25\n", 2, 64, "load"))
                .hasMessageStartingWith("Endpoint load returned 1 predictions for the 2 rows "
                        + "starting at row 65");
    }

    @Test
    void featureDescriptionGivesLogTarget() {
        byte[] json = ("{\"features\":[\"hour\",\"month\"],\"prediction\":"
                + "\"natural log of load_mw: apply exp to the response\"}")
                .getBytes(StandardCharsets.UTF_8);

        EndpointPredictions.ModelFeatures features =
                EndpointPredictions.ModelFeatures.parse(json, "model-features.json");

        assertThat(features.names()).containsExactly("hour", "month");
        assertThat(features.target()).isEqualTo("load_mw");
        assertThat(features.logTarget()).isTrue();
    }

    @Test
    void imageUriFollowsRegion() {
        assertThat(XgboostImageUris.forRegion("us-east-1"))
                .isEqualTo("683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1");
        assertThat(XgboostImageUris.forRegion("cn-north-1"))
                .isEqualTo("450853457545.dkr.ecr.cn-north-1.amazonaws.com.cn/sagemaker-xgboost:1.7-1");
        assertThatThrownBy(() -> XgboostImageUris.forRegion("mars-north-1"))
                .hasMessageContaining("Set sagemaker.image-uri");
    }

    @Test
    void longResourceNameIsShortened() {
        String name = SageMakerDeployment.resourceName("price_lear.DE-" + "x".repeat(80), "-v12");

        assertThat(name).hasSize(63).startsWith("price-lear-de-xxx").endsWith("xx-v12");
    }
}
