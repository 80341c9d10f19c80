package io.gridcast.features;

import java.util.Arrays;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Input and output column checks that the feature transformers run before reading data. */
final class SchemaChecks {

    private SchemaChecks() {
    }

    /** Returns the named input column, or throws naming it and the columns the input has. */
    static StructField requireColumn(StructType schema, String name) {
        if (!Arrays.asList(schema.fieldNames()).contains(name)) {
            throw new IllegalArgumentException("Missing input column: " + name
                    + " (input columns: " + Arrays.toString(schema.fieldNames()) + ")");
        }
        return schema.apply(name);
    }

    /** Throws unless the named input column exists and has the given type. */
    static void requireColumnOfType(StructType schema, String name, DataType expected) {
        DataType actual = requireColumn(schema, name).dataType();
        if (!actual.equals(expected)) {
            throw new IllegalArgumentException("Invalid type of input column " + name + ": "
                    + actual.simpleString() + " (expected " + expected.simpleString() + ")");
        }
    }

    /** Throws unless the named input column exists and has a numeric type. */
    static void requireNumericColumn(StructType schema, String name) {
        DataType actual = requireColumn(schema, name).dataType();
        if (!(actual instanceof NumericType)) {
            throw new IllegalArgumentException("Invalid type of input column " + name + ": "
                    + actual.simpleString() + " (expected a numeric type)");
        }
    }

    /** Throws if an output column would replace a column the input already has. */
    static void requireNewColumn(StructType schema, String name) {
        if (Arrays.asList(schema.fieldNames()).contains(name)) {
            throw new IllegalArgumentException("Output column already exists in the input: "
                    + name + " (drop or rename it before this stage)");
        }
    }
}
