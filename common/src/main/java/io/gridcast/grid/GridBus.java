package io.gridcast.grid;

import java.io.Serializable;

/**
 * A bus of the transmission network.
 *
 * @param busId the bus number the case file uses (not necessarily contiguous)
 * @param name bus name, or empty
 * @param type bus type as in MATPOWER: 1 load (PQ), 2 generator (PV), 3 reference, 4 isolated
 * @param loadMw real-power demand
 * @param shuntConductanceMw real power drawn by the shunt conductance at 1 p.u. voltage,
 *     counted as extra load in the DC model
 * @param area control area number
 * @param baseKv nominal voltage
 */
public record GridBus(int busId, String name, int type, double loadMw,
        double shuntConductanceMw, int area, double baseKv) implements Serializable {

    public static final int REFERENCE = 3;
    public static final int ISOLATED = 4;

    /** Demand the DC power flow sees at this bus: load plus shunt conductance. */
    public double dcDemandMw() {
        return loadMw + shuntConductanceMw;
    }

    /** Whether the case marks this bus as its island's reference (slack) bus. */
    public boolean isReference() {
        return type == REFERENCE;
    }
}
