package io.gridcast.registry;

import io.gridcast.ingest.InvalidInputException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Image URIs of SageMaker's built-in XGBoost container {@value SageMakerExport#CONTAINER_VERSION}
 * by AWS region. Each region serves the image from its own ECR registry account. The accounts
 * are those the SageMaker Python SDK lists for this container version in its image URI
 * configuration ({@code image_uri_config/xgboost.json}).
 */
public final class XgboostImageUris {

    private static final Map<String, String> REGISTRY_ACCOUNTS = new TreeMap<>(Map.ofEntries(
            Map.entry("af-south-1", "510948584623"),
            Map.entry("ap-east-1", "651117190479"),
            Map.entry("ap-northeast-1", "354813040037"),
            Map.entry("ap-northeast-2", "366743142698"),
            Map.entry("ap-northeast-3", "867004704886"),
            Map.entry("ap-south-1", "720646828776"),
            Map.entry("ap-south-2", "628508329040"),
            Map.entry("ap-southeast-1", "121021644041"),
            Map.entry("ap-southeast-2", "783357654285"),
            Map.entry("ap-southeast-3", "951798379941"),
            Map.entry("ap-southeast-4", "106583098589"),
            Map.entry("ca-central-1", "341280168497"),
            Map.entry("ca-west-1", "190319476487"),
            Map.entry("cn-north-1", "450853457545"),
            Map.entry("cn-northwest-1", "451049120500"),
            Map.entry("eu-central-1", "492215442770"),
            Map.entry("eu-central-2", "680994064768"),
            Map.entry("eu-north-1", "662702820516"),
            Map.entry("eu-south-1", "978288397137"),
            Map.entry("eu-south-2", "104374241257"),
            Map.entry("eu-west-1", "141502667606"),
            Map.entry("eu-west-2", "764974769150"),
            Map.entry("eu-west-3", "659782779980"),
            Map.entry("il-central-1", "898809789911"),
            Map.entry("me-central-1", "272398656194"),
            Map.entry("me-south-1", "801668240914"),
            Map.entry("sa-east-1", "737474898029"),
            Map.entry("us-east-1", "683313688378"),
            Map.entry("us-east-2", "257758044811"),
            Map.entry("us-gov-east-1", "237065988967"),
            Map.entry("us-gov-west-1", "414596584902"),
            Map.entry("us-west-1", "746614075791"),
            Map.entry("us-west-2", "246618743249")));

    private XgboostImageUris() {
    }

    /** Returns the container's image URI in {@code region}, e.g. us-east-1. */
    public static String forRegion(String region) {
        String account = REGISTRY_ACCOUNTS.get(region);
        if (account == null) {
            throw new InvalidInputException("No built-in XGBoost image is known for region '"
                    + region + "'. Known regions: " + String.join(", ", REGISTRY_ACCOUNTS.keySet())
                    + ". Set sagemaker.image-uri to the image's URI.");
        }
        String domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return account + ".dkr.ecr." + region + "." + domain + "/sagemaker-xgboost:"
                + SageMakerExport.CONTAINER_VERSION;
    }
}
