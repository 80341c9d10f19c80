package io.gridcast.grid;

import java.io.Serializable;

/**
 * A generating unit and its offer.
 *
 * @param generatorIndex 1-based row of the unit in the case; several units can share a bus
 * @param busId bus the unit injects at
 * @param minOutputMw lower output limit while on line
 * @param maxOutputMw upper output limit
 * @param inService whether the unit is on line
 * @param cost cost curve the dispatch minimises
 */
public record GridGenerator(int generatorIndex, int busId, double minOutputMw,
        double maxOutputMw, boolean inService, GeneratorCost cost) implements Serializable {
}
